package vn.laichau.hlg.tracker.unit;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface AdministrativeUnitRepository extends JpaRepository<AdministrativeUnit, Long> {

    Optional<AdministrativeUnit> findByCode(String code);
}
