-- Lai Châu from 1 July 2025: two levels of local government (province and commune).
--
-- Sources. Resolution 1670/NQ-UBTVQH15 of the National Assembly Standing Committee (16/06/2025) on the
-- arrangement of Lai Châu's commune-level units: from 106 to 38 (36 xã, 2 phường), operating from
-- 01/07/2025; 34 xã and 2 phường formed by the arrangement, Mù Cả and Tà Tổng not arranged. The district
-- level ceased on the same day. Codes are the national codes of the new units. Each name and code was
-- checked against a published list of the new units that cites 1670/NQ-UBTVQH15 for each, and against
-- press reports of the resolution (English and Vietnamese). One press list writes "Pa Do"; the list
-- citing the resolution has "Pa Ủ" (code 03442), the name of an existing commune of huyện Mường Tè, and
-- that is used here. The text of the resolution itself (with its annex of merged communes) was not at
-- hand: the lists above are the evidence.
--
-- Successors (which former district-level unit each new unit lies in). What is checked:
--   Than Uyên, Tân Uyên, Tam Đường, thành phố Lai Châu, Phong Thổ: grouped so in the province's own
--     proposal as reported by the press (district by district, with each new unit's seat).
--   Sìn Hồ: the eight new units bear the names of communes (and the town) listed in huyện Sìn Hồ before
--     2025 (Tủa Sín Chải, Sìn Hồ, Hồng Thu, Nậm Tăm, Pu Sam Cáp, Nậm Cuổi, Nậm Mạ, Pa Tần).
-- What is NOT verified (taken from the reported grouping and from where the namesake commune lay):
--   Nậm Nhùn (Lê Lợi, Nậm Hàng, Mường Mô, Hua Bum) and Mường Tè (Bum Nưa, Bum Tở, Mường Tè, Thu Lũm,
--     Pa Ủ, Mù Cả, Tà Tổng). A new unit may also take in communes of a neighbouring district; such
--     cross-district successors are not recorded here and can be added at /admin/units.
-- An administrator can correct any of this; nothing of 2024 depends on it.

create temporary table reorganisation_2025 (
    code        varchar(20)  not null,
    kind        varchar(10)  not null,
    place       varchar(100) not null,
    slug        varchar(40)  not null,
    former_code varchar(20)  not null
) on commit drop;

insert into reorganisation_2025 (code, kind, place, slug, former_code) values
    -- huyện Than Uyên (110)
    ('03637', 'Xã', 'Mường Kim', 'MUONG-KIM', '110'),
    ('03640', 'Xã', 'Khoen On', 'KHOEN-ON', '110'),
    ('03595', 'Xã', 'Than Uyên', 'THAN-UYEN', '110'),
    ('03618', 'Xã', 'Mường Than', 'MUONG-THAN', '110'),
    -- huyện Tân Uyên (111)
    ('03616', 'Xã', 'Pắc Ta', 'PAC-TA', '111'),
    ('03613', 'Xã', 'Nậm Sỏ', 'NAM-SO', '111'),
    ('03598', 'Xã', 'Tân Uyên', 'TAN-UYEN', '111'),
    ('03601', 'Xã', 'Mường Khoa', 'MUONG-KHOA', '111'),
    -- huyện Tam Đường (106)
    ('03424', 'Xã', 'Bản Bo', 'BAN-BO', '106'),
    ('03390', 'Xã', 'Bình Lư', 'BINH-LU', '106'),
    ('03405', 'Xã', 'Tả Lèng', 'TA-LENG', '106'),
    ('03430', 'Xã', 'Khun Há', 'KHUN-HA', '106'),
    -- thành phố Lai Châu (105)
    ('03408', 'Phường', 'Tân Phong', 'TAN-PHONG', '105'),
    ('03388', 'Phường', 'Đoàn Kết', 'DOAN-KET', '105'),
    -- huyện Phong Thổ (109)
    ('03394', 'Xã', 'Sin Suối Hồ', 'SIN-SUOI-HO', '109'),
    ('03549', 'Xã', 'Phong Thổ', 'PHONG-THO', '109'),
    ('03571', 'Xã', 'Dào San', 'DAO-SAN', '109'),
    ('03562', 'Xã', 'Sì Lở Lầu', 'SI-LO-LAU', '109'),
    ('03583', 'Xã', 'Khổng Lào', 'KHONG-LAO', '109'),
    -- huyện Sìn Hồ (108)
    ('03529', 'Xã', 'Tủa Sín Chải', 'TUA-SIN-CHAI', '108'),
    ('03478', 'Xã', 'Sìn Hồ', 'SIN-HO', '108'),
    ('03508', 'Xã', 'Hồng Thu', 'HONG-THU', '108'),
    ('03517', 'Xã', 'Nậm Tăm', 'NAM-TAM', '108'),
    ('03532', 'Xã', 'Pu Sam Cáp', 'PU-SAM-CAP', '108'),
    ('03544', 'Xã', 'Nậm Cuổi', 'NAM-CUOI', '108'),
    ('03538', 'Xã', 'Nậm Mạ', 'NAM-MA', '108'),
    ('03503', 'Xã', 'Pa Tần', 'PA-TAN', '108'),
    -- huyện Nậm Nhùn (112): grouping not verified, see above
    ('03487', 'Xã', 'Lê Lợi', 'LE-LOI', '112'),
    ('03434', 'Xã', 'Nậm Hàng', 'NAM-HANG', '112'),
    ('03472', 'Xã', 'Mường Mô', 'MUONG-MO', '112'),
    ('03460', 'Xã', 'Hua Bum', 'HUA-BUM', '112'),
    -- huyện Mường Tè (107): grouping not verified, see above
    ('03466', 'Xã', 'Bum Nưa', 'BUM-NUA', '107'),
    ('03433', 'Xã', 'Bum Tở', 'BUM-TO', '107'),
    ('03445', 'Xã', 'Mường Tè', 'MUONG-TE', '107'),
    ('03439', 'Xã', 'Thu Lũm', 'THU-LUM', '107'),
    ('03442', 'Xã', 'Pa Ủ', 'PA-U', '107'),
    ('03451', 'Xã', 'Mù Cả', 'MU-CA', '107'),
    ('03463', 'Xã', 'Tà Tổng', 'TA-TONG', '107');

-- The 38 commune-level units, directly under the province.
insert into administrative_unit (code, name, level, parent_id, opened_on)
select r.code, r.kind || ' ' || r.place, 'COMMUNE', p.id, date '2025-07-01'
from reorganisation_2025 r cross join administrative_unit p
where p.code = '12'
order by r.code;

-- The eight district-level units close: 30/06/2025 is their last day.
update administrative_unit set closed_on = date '2025-07-01'
where code in ('105', '106', '107', '108', '109', '110', '111', '112') and closed_on is null;

insert into unit_successor (unit_id, successor_id)
select d.id, c.id
from reorganisation_2025 r
join administrative_unit d on d.code = r.former_code
join administrative_unit c on c.code = r.code;

-- The People's Committee of each new unit.
insert into agency (code, name, kind_id, unit_id, opened_on)
select case when r.kind = 'Phường' then 'UBND-PHUONG-' else 'UBND-XA-' end || r.slug,
       'UBND ' || lower(r.kind) || ' ' || r.place, k.id, u.id, date '2025-07-01'
from reorganisation_2025 r
join administrative_unit u on u.code = r.code
cross join agency_kind k
where k.code = 'UBND'
order by r.code;

-- The district agencies (UBND, Hội Luật gia, Hội đồng phối hợp PBGDPL of each) end with their units.
update agency a set closed_on = date '2025-07-01'
from administrative_unit u
where u.id = a.unit_id and u.level = 'DISTRICT' and u.code in ('105', '106', '107', '108', '109', '110', '111', '112')
  and a.closed_on is null and a.opened_on < date '2025-07-01';

-- The plan's district-level assignments from 1/7/2025, the province's default, changeable at /admin/plan:
-- UBND cấp huyện → UBND cấp xã; Hội Luật gia cấp huyện → Hội Luật gia tỉnh; Hội đồng phối hợp PBGDPL cấp
-- huyện → Hội đồng phối hợp PBGDPL tỉnh.
insert into task_assignment_carrier (assignment_id, valid_from, party_type, agency_id, agency_kind_id, unit_level, reason, set_by)
select ta.id, date '2025-07-01', 'KIND', null, ta.agency_kind_id, 'COMMUNE',
       'Chính quyền địa phương hai cấp từ ngày 01/07/2025 (Nghị quyết số 1670/NQ-UBTVQH15): cấp huyện kết thúc hoạt động, nhiệm vụ chuyển cho UBND cấp xã.',
       'hệ thống'
from task_assignment ta join agency_kind k on k.id = ta.agency_kind_id
where ta.party_type = 'KIND' and ta.unit_level = 'DISTRICT' and k.code = 'UBND';

insert into task_assignment_carrier (assignment_id, valid_from, party_type, agency_id, agency_kind_id, unit_level, reason, set_by)
select ta.id, date '2025-07-01', 'AGENCY', a.id, null, null,
       'Chính quyền địa phương hai cấp từ ngày 01/07/2025 (Nghị quyết số 1670/NQ-UBTVQH15): cấp huyện kết thúc hoạt động, nhiệm vụ chuyển cho '
           || a.name || '.',
       'hệ thống'
from task_assignment ta
join agency_kind k on k.id = ta.agency_kind_id
join agency a on a.code = case k.code when 'HOI_LUAT_GIA' then 'HLG-TINH' when 'HOI_DONG_PBGDPL' then 'HDPH-TINH' end
where ta.party_type = 'KIND' and ta.unit_level = 'DISTRICT' and k.code in ('HOI_LUAT_GIA', 'HOI_DONG_PBGDPL');
