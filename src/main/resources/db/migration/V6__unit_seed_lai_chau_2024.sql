-- Lai Châu province and its eight district-level units as they stood in 2024, in the order the plan
-- names them. Codes are the national administrative unit codes. Opening dates are the start of the plan
-- period: earlier history is not tracked.
insert into administrative_unit (code, name, level, parent_id, opened_on) values ('12', 'Tỉnh Lai Châu', 'PROVINCE', null, date '2024-01-01');
insert into administrative_unit (code, name, level, parent_id, opened_on) select '105', 'Thành phố Lai Châu', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = '12';
insert into administrative_unit (code, name, level, parent_id, opened_on) select '106', 'Huyện Tam Đường', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = '12';
insert into administrative_unit (code, name, level, parent_id, opened_on) select '109', 'Huyện Phong Thổ', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = '12';
insert into administrative_unit (code, name, level, parent_id, opened_on) select '108', 'Huyện Sìn Hồ', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = '12';
insert into administrative_unit (code, name, level, parent_id, opened_on) select '107', 'Huyện Mường Tè', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = '12';
insert into administrative_unit (code, name, level, parent_id, opened_on) select '112', 'Huyện Nậm Nhùn', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = '12';
insert into administrative_unit (code, name, level, parent_id, opened_on) select '111', 'Huyện Tân Uyên', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = '12';
insert into administrative_unit (code, name, level, parent_id, opened_on) select '110', 'Huyện Than Uyên', 'DISTRICT', id, date '2024-01-01' from administrative_unit where code = '12';
