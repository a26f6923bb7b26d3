-- The plan of Lai Châu for Đề án 129, section II, word for word from the document.
insert into plan (code, title, issuer, decision, start_year, end_year) values ('DE-AN-129-LAI-CHAU', 'Triển khai thực hiện Đề án “Phát huy vai trò của Hội Luật gia các cấp trong công tác phổ biến, giáo dục pháp luật giai đoạn 2024 - 2030” trên địa bàn tỉnh Lai Châu', 'Ủy ban nhân dân tỉnh Lai Châu', 'Quyết định số 129/QĐ-TTg ngày 30/01/2024 của Thủ tướng Chính phủ', 2024, 2030);

insert into task_group (plan_id, code, title, position) select id, '1', 'Nâng cao nhận thức của các cấp ủy đảng và chính quyền về vai trò và phát huy vai trò của Hội Luật gia trong công tác PBGDPL. Tăng cường chỉ đạo, giao nhiệm vụ PBGDPL cho các cấp Hội Luật gia', 1 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '2', 'Phát huy vai trò thành viên Hội đồng phối hợp PBGDPL của Hội Luật gia trong lãnh đạo, chỉ đạo công tác PBGDPL tại các cấp Hội Luật gia', 2 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '3', 'Kiện toàn tổ chức, bộ máy, nguồn nhân lực làm công tác PBGDPL của Hội Luật gia các cấp', 3 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '4', 'Nâng cao năng lực cho Hội Luật gia các cấp để tham gia thực hiện PBGDPL', 4 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '5', 'Tiếp tục nhân rộng mô hình Trung tâm pháp luật cộng đồng cấp xã nhằm thu hút các luật gia và nguồn lực xã hội tham gia PBGDPL', 5 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '6', 'Tổ chức PBGDPL cho cán bộ, hội viên và Nhân dân nhằm đưa pháp luật vào cuộc sống, vận động Nhân dân chấp hành pháp luật; các tổ chức Hội Luật gia cấp xã tham gia xây dựng xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật', 6 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '7', 'Huy động các nguồn lực xã hội tham cùng Hội Luật gia thực hiện PBGDPL', 7 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '8', 'Đẩy mạnh ứng dụng công nghệ thông tin trong công tác PBGDPL; xây dựng vận hành có hiệu quả chuyên mục PBGDPL, tư vấn pháp luật miễn phí cho Nhân dân trên trang thông tin điện tử của Hội Luật gia tỉnh.', 8 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '9', 'Đổi mới, đa dạng hóa nội dung, cách thức thực hiện PBGDPL. Phát huy có hiệu quả các kênh thông tin pháp luật của Hội Luật gia như: bản tin pháp luật, Tài liệu Hỏi - Đáp pháp luật, poster nhằm góp phần hỗ trợ việc tiếp cận pháp luật của người dân, đặc biệt là nhóm đối tượng đặc thù yếu thế.', 9 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '10', 'Phối hợp tham gia thực hiện có hiệu quả các Đề án khác có liên quan khi được Thủ tướng phê duyệt.', 10 from plan where code = 'DE-AN-129-LAI-CHAU';
insert into task_group (plan_id, code, title, position) select id, '11', 'Kiểm tra, đánh giá kết quả thực hiện Đề án.', 11 from plan where code = 'DE-AN-129-LAI-CHAU';

insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '1', 'Nâng cao nhận thức của các cấp ủy đảng và chính quyền về vai trò và phát huy vai trò của Hội Luật gia trong công tác PBGDPL. Tăng cường chỉ đạo, giao nhiệm vụ PBGDPL cho các cấp Hội Luật gia', null, 1,
       'Các sở, ban, ngành tỉnh, UBND cấp huyện, cấp xã.', 'Hội Luật gia; Các cơ quan báo chí, truyền thông, các cơ quan, tổ chức có liên quan.', 'Hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '1';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '2', 'Phát huy vai trò thành viên Hội đồng phối hợp PBGDPL của Hội Luật gia trong lãnh đạo, chỉ đạo công tác PBGDPL tại các cấp Hội Luật gia', null, 2,
       'Hội đồng phối hợp PBGDPL tỉnh, Hội đồng phối hợp PBGDPL cấp huyện.', 'Hội Luật gia tỉnh, Hội Luật gia cấp huyện.', 'Hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '2';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '3', 'Kiện toàn tổ chức, bộ máy, nguồn nhân lực làm công tác PBGDPL của Hội Luật gia các cấp', null, 3,
       'Hội Luật gia tỉnh, Hội Luật gia cấp huyện.', 'Sở Tư pháp; UBND các huyện, thành phố; UBND các xã, phường, thị trấn.', 'Hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '3';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '4.1', 'Xây dựng, cập nhật bộ tài liệu khung về bồi dưỡng kỹ năng, nghiệp vụ cho đội ngũ báo cáo viên, tuyên truyền viên, người làm công tác PBGDPL của Hội Luật gia.', null, 4,
       'Hội Luật gia tỉnh.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '4';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '4.2', 'Định kỳ hằng năm tổ chức tập huấn nghiệp vụ, kỹ năng PBGDPL và phổ biến các văn bản pháp luật mới ban hành cho đội ngũ báo cáo viên, tuyên truyền viên, người làm công tác PBGDPL của Hội Luật gia các cấp', null, 5,
       'Hội Luật gia tỉnh.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '4';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '4.3', 'Thường xuyên cập nhật kiến thức, cung cấp thông tin pháp luật cho báo cáo viên, tuyên truyền viên, người làm công tác PBGDPL của Hội Luật gia các cấp', null, 6,
       'Hội Luật gia tỉnh, Hội Luật gia cấp huyện.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Định kỳ hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '4';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '5', 'Tiếp tục nhân rộng mô hình Trung tâm pháp luật cộng đồng cấp xã nhằm thu hút các luật gia và nguồn lực xã hội tham gia PBGDPL', null, 7,
       'Hội Luật gia tỉnh, Hội luật gia cấp huyện.', 'UBND cấp huyện, UBND cấp xã; các cơ quan, đơn vị, tổ chức có liên quan.', 'Hàng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '5';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '6', 'Tổ chức PBGDPL cho cán bộ, hội viên và Nhân dân nhằm đưa pháp luật vào cuộc sống, vận động Nhân dân chấp hành pháp luật; các tổ chức Hội Luật gia cấp xã tham gia xây dựng xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật', null, 8,
       'Hội Luật gia tỉnh.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Định kỳ hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '6';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '7.1', 'Huy động đội ngũ hội viên luật gia tham gia PBGDPL cho Nhân dân.', null, 9,
       'Hội Luật gia tỉnh.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Định kỳ hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '7';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '7.2', 'Xây dựng và ban hành quy định về nghĩa vụ của hội viên Hội Luật gia tham gia thực hiện PBGDPL.', null, 10,
       'Hội Luật gia tỉnh.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Định kỳ hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '7';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '7.3', 'Xây dựng và tổ chức thực hiện có hiệu quả phong trào “Mỗi luật gia là một báo cáo viên, tuyên truyền viên pháp luật”.', null, 11,
       'Hội Luật gia tỉnh, Hội Luật gia cấp huyện.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'Hàng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '7';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '8', 'Đẩy mạnh ứng dụng công nghệ thông tin trong công tác PBGDPL; xây dựng vận hành có hiệu quả chuyên mục PBGDPL, tư vấn pháp luật miễn phí cho Nhân dân trên trang thông tin điện tử của Hội Luật gia tỉnh.', null, 12,
       'Hội Luật gia tỉnh.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan; Hội Luật gia các cấp.', 'Hàng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '8';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '9', 'Đổi mới, đa dạng hóa nội dung, cách thức thực hiện PBGDPL. Phát huy có hiệu quả các kênh thông tin pháp luật của Hội Luật gia như: bản tin pháp luật, Tài liệu Hỏi - Đáp pháp luật, poster nhằm góp phần hỗ trợ việc tiếp cận pháp luật của người dân, đặc biệt là nhóm đối tượng đặc thù yếu thế.', null, 13,
       'Hội Luật gia tỉnh.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Hàng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '9';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '10', 'Phối hợp tham gia thực hiện có hiệu quả các Đề án khác có liên quan khi được Thủ tướng phê duyệt.', 'Đẩy mạnh công tác phối hợp giữa Hội Luật gia các cấp với các cơ quan có nhà nước, các tổ chức nhằm tạo sự chuyển biến mạnh mẽ, tích cực trong công tác PBGDPL của luật gia và Hội Luật gia các cấp. Tiếp tục nghiên cứu, thúc đẩy ký kết các chương trình phối hợp với các cơ quan, tổ chức nhằm tăng cường công tác tuyên truyền, phổ biến đường lối của Đảng, chính sách pháp luật của Nhà nước, vận động Nhân dân tôn trọng, chấp hành pháp luật.', 14,
       'Hội Luật gia tỉnh, Hội Luật gia cấp huyện.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Hằng năm, từ năm 2024 đến hết năm 2030.'
from task_group where code = '10';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '11.1', 'Tổ chức sơ kết, tổng kết việc thực hiện Đề án theo giai đoạn; chú trọng công tác hướng dẫn, kiểm tra việc thực hiện Đề án theo hướng dẫn của Hội Luật gia Việt Nam và Kế hoạch này.', null, 15,
       'Hội Luật gia tỉnh.', 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Sơ kết năm 2026, tổng kết năm 2030.'
from task_group where code = '11';
insert into task (group_id, code, title, description, position, lead_wording, coordinating_wording, timeline_wording)
select id, '11.2', 'Thực hiện tôn vinh, khen thưởng kịp thời những tập thể, cá nhân tích cực, có nhiều đóng góp quan trọng để thực hiện PBGDPL.', null, 16,
       'Hội Luật gia tỉnh.', 'Sở Nội vụ; các cơ quan, đơn vị, địa phương, tổ chức có liên quan.', 'Hằng năm, từ năm 2024 đến năm 2030.'
from task_group where code = '11';

insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Các sở, ban, ngành tỉnh', 'KIND', null, (select id from agency_kind where code = 'SO_BAN_NGANH'), 'PROVINCE' from task t where t.code = '1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 2, 'UBND cấp huyện', 'KIND', null, (select id from agency_kind where code = 'UBND'), 'DISTRICT' from task t where t.code = '1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 3, 'UBND cấp xã', 'KIND', null, (select id from agency_kind where code = 'UBND'), 'COMMUNE' from task t where t.code = '1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Hội Luật gia', 'KIND', null, (select id from agency_kind where code = 'HOI_LUAT_GIA'), null from task t where t.code = '1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 2, 'Các cơ quan báo chí, truyền thông', 'KIND', null, (select id from agency_kind where code = 'BAO_CHI'), null from task t where t.code = '1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 3, 'các cơ quan, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội đồng phối hợp PBGDPL tỉnh', 'AGENCY', (select id from agency where code = 'HDPH-TINH'), null, null from task t where t.code = '2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 2, 'Hội đồng phối hợp PBGDPL cấp huyện', 'KIND', null, (select id from agency_kind where code = 'HOI_DONG_PBGDPL'), 'DISTRICT' from task t where t.code = '2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 2, 'Hội Luật gia cấp huyện', 'KIND', null, (select id from agency_kind where code = 'HOI_LUAT_GIA'), 'DISTRICT' from task t where t.code = '2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 2, 'Hội Luật gia cấp huyện', 'KIND', null, (select id from agency_kind where code = 'HOI_LUAT_GIA'), 'DISTRICT' from task t where t.code = '3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Sở Tư pháp', 'AGENCY', (select id from agency where code = 'SO-TU-PHAP'), null, null from task t where t.code = '3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 2, 'UBND các huyện, thành phố', 'KIND', null, (select id from agency_kind where code = 'UBND'), 'DISTRICT' from task t where t.code = '3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 3, 'UBND các xã, phường, thị trấn', 'KIND', null, (select id from agency_kind where code = 'UBND'), 'COMMUNE' from task t where t.code = '3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '4.1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '4.1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '4.2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '4.2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '4.3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 2, 'Hội Luật gia cấp huyện', 'KIND', null, (select id from agency_kind where code = 'HOI_LUAT_GIA'), 'DISTRICT' from task t where t.code = '4.3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '4.3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '5';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 2, 'Hội luật gia cấp huyện', 'KIND', null, (select id from agency_kind where code = 'HOI_LUAT_GIA'), 'DISTRICT' from task t where t.code = '5';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'UBND cấp huyện', 'KIND', null, (select id from agency_kind where code = 'UBND'), 'DISTRICT' from task t where t.code = '5';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 2, 'UBND cấp xã', 'KIND', null, (select id from agency_kind where code = 'UBND'), 'COMMUNE' from task t where t.code = '5';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 3, 'các cơ quan, đơn vị, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '5';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '6';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '6';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '7.1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '7.1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '7.2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '7.2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '7.3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 2, 'Hội Luật gia cấp huyện', 'KIND', null, (select id from agency_kind where code = 'HOI_LUAT_GIA'), 'DISTRICT' from task t where t.code = '7.3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '7.3';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '8';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '8';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 2, 'Hội Luật gia các cấp', 'KIND', null, (select id from agency_kind where code = 'HOI_LUAT_GIA'), null from task t where t.code = '8';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '9';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '9';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '10';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 2, 'Hội Luật gia cấp huyện', 'KIND', null, (select id from agency_kind where code = 'HOI_LUAT_GIA'), 'DISTRICT' from task t where t.code = '10';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '10';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '11.1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '11.1';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'LEAD', 1, 'Hội Luật gia tỉnh', 'AGENCY', (select id from agency where code = 'HLG-TINH'), null, null from task t where t.code = '11.2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 1, 'Sở Nội vụ', 'AGENCY', (select id from agency where code = 'SO-NOI-VU'), null, null from task t where t.code = '11.2';
insert into task_assignment (task_id, role, position, wording, party_type, agency_id, agency_kind_id, unit_level) select t.id, 'COORDINATING', 2, 'các cơ quan, đơn vị, địa phương, tổ chức có liên quan', 'TEXT', null, null, null from task t where t.code = '11.2';

insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '1';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '2';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '3';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '4.1';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '4.2';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '4.3';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '5';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '6';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '7.1';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '7.2';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '7.3';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '8';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '9';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '10';
insert into task_timeline_entry (task_id, year, milestone) select id, 2026, 'Sơ kết' from task where code = '11.1';
insert into task_timeline_entry (task_id, year, milestone) select id, 2030, 'Tổng kết' from task where code = '11.1';
insert into task_timeline_entry (task_id, year) select t.id, y from task t, generate_series(2024, 2030) y where t.code = '11.2';
