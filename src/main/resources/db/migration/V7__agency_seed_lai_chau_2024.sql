-- Agency kinds, and every agency the plan names or implies, as the plan writes them.
insert into agency_kind (code, name, position) values
    ('UBND', 'Ủy ban nhân dân', 1),
    ('HOI_LUAT_GIA', 'Hội Luật gia', 2),
    ('HOI_DONG_PBGDPL', 'Hội đồng phối hợp phổ biến, giáo dục pháp luật', 3),
    ('SO_BAN_NGANH', 'Sở, ban, ngành', 4),
    ('MTTQ', 'Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên', 5),
    ('BAO_CHI', 'Cơ quan báo chí, truyền thông', 6),
    ('KHAC', 'Cơ quan, tổ chức khác', 7);

insert into agency (code, name, kind_id, unit_id, opened_on) select 'UBND-TINH', 'UBND tỉnh Lai Châu', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = '12';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HLG-TINH', 'Hội Luật gia tỉnh', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = '12';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'SO-TU-PHAP', 'Sở Tư pháp', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'SO_BAN_NGANH' and u.code = '12';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'SO-TAI-CHINH', 'Sở Tài chính', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'SO_BAN_NGANH' and u.code = '12';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'SO-NOI-VU', 'Sở Nội vụ', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'SO_BAN_NGANH' and u.code = '12';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'MTTQ-TINH', 'Ủy ban MTTQ Việt Nam tỉnh', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'MTTQ' and u.code = '12';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HDPH-TINH', 'Hội đồng phối hợp PBGDPL tỉnh', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_DONG_PBGDPL' and u.code = '12';

insert into agency (code, name, kind_id, unit_id, opened_on) select 'UBND-TP-LAI-CHAU', 'UBND thành phố Lai Châu', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = '105';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HLG-TP-LAI-CHAU', 'Hội Luật gia thành phố Lai Châu', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = '105';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HDPH-TP-LAI-CHAU', 'Hội đồng phối hợp PBGDPL thành phố Lai Châu', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_DONG_PBGDPL' and u.code = '105';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'UBND-TAM-DUONG', 'UBND huyện Tam Đường', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = '106';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HLG-TAM-DUONG', 'Hội Luật gia huyện Tam Đường', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = '106';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HDPH-TAM-DUONG', 'Hội đồng phối hợp PBGDPL huyện Tam Đường', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_DONG_PBGDPL' and u.code = '106';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'UBND-PHONG-THO', 'UBND huyện Phong Thổ', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = '109';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HLG-PHONG-THO', 'Hội Luật gia huyện Phong Thổ', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = '109';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HDPH-PHONG-THO', 'Hội đồng phối hợp PBGDPL huyện Phong Thổ', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_DONG_PBGDPL' and u.code = '109';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'UBND-SIN-HO', 'UBND huyện Sìn Hồ', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = '108';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HLG-SIN-HO', 'Hội Luật gia huyện Sìn Hồ', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = '108';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HDPH-SIN-HO', 'Hội đồng phối hợp PBGDPL huyện Sìn Hồ', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_DONG_PBGDPL' and u.code = '108';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'UBND-MUONG-TE', 'UBND huyện Mường Tè', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = '107';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HLG-MUONG-TE', 'Hội Luật gia huyện Mường Tè', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = '107';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HDPH-MUONG-TE', 'Hội đồng phối hợp PBGDPL huyện Mường Tè', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_DONG_PBGDPL' and u.code = '107';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'UBND-NAM-NHUN', 'UBND huyện Nậm Nhùn', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = '112';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HLG-NAM-NHUN', 'Hội Luật gia huyện Nậm Nhùn', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = '112';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HDPH-NAM-NHUN', 'Hội đồng phối hợp PBGDPL huyện Nậm Nhùn', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_DONG_PBGDPL' and u.code = '112';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'UBND-TAN-UYEN', 'UBND huyện Tân Uyên', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = '111';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HLG-TAN-UYEN', 'Hội Luật gia huyện Tân Uyên', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = '111';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HDPH-TAN-UYEN', 'Hội đồng phối hợp PBGDPL huyện Tân Uyên', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_DONG_PBGDPL' and u.code = '111';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'UBND-THAN-UYEN', 'UBND huyện Than Uyên', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'UBND' and u.code = '110';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HLG-THAN-UYEN', 'Hội Luật gia huyện Than Uyên', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_LUAT_GIA' and u.code = '110';
insert into agency (code, name, kind_id, unit_id, opened_on) select 'HDPH-THAN-UYEN', 'Hội đồng phối hợp PBGDPL huyện Than Uyên', k.id, u.id, date '2024-01-01' from agency_kind k, administrative_unit u where k.code = 'HOI_DONG_PBGDPL' and u.code = '110';
