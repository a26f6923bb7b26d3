-- Default indicators (chỉ tiêu) for what the plan's tasks produce, and the tasks they belong to.
-- Administrators change them at /admin/plan. Member categories let the participation targets of
-- Đề án 129 (e.g. 100% of full-time jurists, 40-50% of retired jurists) be computed: each category has
-- a "taking part" count and a "total" count.
insert into indicator (code, name, unit, member_category, position) values
    ('PBGDPL_SESSIONS', 'Số cuộc phổ biến, giáo dục pháp luật đã tổ chức', 'cuộc', null, 10),
    ('PBGDPL_PARTICIPANTS', 'Số lượt người tham dự phổ biến, giáo dục pháp luật', 'lượt người', null, 20),
    ('TRAINING_COURSES', 'Số lớp tập huấn, bồi dưỡng nghiệp vụ, kỹ năng', 'lớp', null, 30),
    ('TRAINEES', 'Số lượt người được tập huấn, bồi dưỡng', 'lượt người', null, 40),
    ('FRAMEWORK_MATERIALS', 'Tài liệu bồi dưỡng được xây dựng, cập nhật', 'bản', null, 50),
    ('BULLETINS', 'Bản tin pháp luật đã phát hành', 'bản', null, 60),
    ('QA_BOOKLETS', 'Tài liệu hỏi - đáp pháp luật đã phát hành', 'bản', null, 70),
    ('POSTERS', 'Poster tuyên truyền pháp luật đã phát hành', 'bản', null, 80),
    ('FREE_LEGAL_ADVICE', 'Số lượt người được tư vấn pháp luật miễn phí', 'lượt người', null, 90),
    ('COMMUNITY_LEGAL_CENTRES', 'Trung tâm pháp luật cộng đồng đang hoạt động', 'trung tâm', null, 100),
    ('MEMBERS_FULL_TIME_TAKING_PART', 'Luật gia chuyên trách tham gia phổ biến, giáo dục pháp luật', 'người', 'FULL_TIME_JURIST', 110),
    ('MEMBERS_FULL_TIME_TOTAL', 'Tổng số luật gia chuyên trách', 'người', 'FULL_TIME_JURIST', 120),
    ('MEMBERS_RETIRED_TAKING_PART', 'Luật gia đã nghỉ hưu tham gia phổ biến, giáo dục pháp luật', 'người', 'RETIRED_JURIST', 130),
    ('MEMBERS_RETIRED_TOTAL', 'Tổng số luật gia đã nghỉ hưu', 'người', 'RETIRED_JURIST', 140),
    ('COORDINATION_PROGRAMMES', 'Chương trình phối hợp đã ký kết', 'bản/chương trình', null, 150),
    ('WEBSITE_ARTICLES', 'Bài viết đăng trên trang thông tin điện tử của Hội Luật gia', 'bài', null, 160),
    ('INSPECTIONS', 'Cuộc kiểm tra việc thực hiện Đề án', 'cuộc', null, 170),
    ('COMMENDATIONS_COLLECTIVE', 'Tập thể được khen thưởng', 'tập thể', null, 180),
    ('COMMENDATIONS_INDIVIDUAL', 'Cá nhân được khen thưởng', 'cá nhân', null, 190);

insert into task_indicator (task_id, indicator_id, position)
select t.id, i.id, row_number() over (partition by t.id order by i.position)
from (values
    ('1', 'PBGDPL_SESSIONS'), ('1', 'PBGDPL_PARTICIPANTS'),
    ('2', 'PBGDPL_SESSIONS'), ('2', 'COORDINATION_PROGRAMMES'),
    ('3', 'MEMBERS_FULL_TIME_TOTAL'), ('3', 'MEMBERS_RETIRED_TOTAL'), ('3', 'TRAINING_COURSES'),
    ('4.1', 'FRAMEWORK_MATERIALS'),
    ('4.2', 'TRAINING_COURSES'), ('4.2', 'TRAINEES'),
    ('4.3', 'TRAINING_COURSES'), ('4.3', 'TRAINEES'), ('4.3', 'BULLETINS'),
    ('5', 'COMMUNITY_LEGAL_CENTRES'), ('5', 'FREE_LEGAL_ADVICE'),
    ('6', 'PBGDPL_SESSIONS'), ('6', 'PBGDPL_PARTICIPANTS'), ('6', 'FREE_LEGAL_ADVICE'),
    ('7.1', 'MEMBERS_FULL_TIME_TAKING_PART'), ('7.1', 'MEMBERS_FULL_TIME_TOTAL'),
    ('7.1', 'MEMBERS_RETIRED_TAKING_PART'), ('7.1', 'MEMBERS_RETIRED_TOTAL'),
    ('7.2', 'MEMBERS_FULL_TIME_TAKING_PART'), ('7.2', 'MEMBERS_RETIRED_TAKING_PART'),
    ('7.3', 'MEMBERS_FULL_TIME_TAKING_PART'), ('7.3', 'MEMBERS_RETIRED_TAKING_PART'), ('7.3', 'PBGDPL_SESSIONS'),
    ('8', 'WEBSITE_ARTICLES'), ('8', 'FREE_LEGAL_ADVICE'),
    ('9', 'BULLETINS'), ('9', 'QA_BOOKLETS'), ('9', 'POSTERS'),
    ('10', 'COORDINATION_PROGRAMMES'),
    ('11.1', 'INSPECTIONS'),
    ('11.2', 'COMMENDATIONS_COLLECTIVE'), ('11.2', 'COMMENDATIONS_INDIVIDUAL')
) as seed (task_code, indicator_code)
join task t on t.code = seed.task_code
join indicator i on i.code = seed.indicator_code;
