package vn.laichau.hlg.tracker.period;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface ReportingPeriodRepository extends JpaRepository<ReportingPeriod, Long> {

    Optional<ReportingPeriod> findByYear(int year);

    List<ReportingPeriod> findAllByOrderByYear();
}

interface PeriodReopeningRepository extends JpaRepository<PeriodReopening, Long> {

    Optional<PeriodReopening> findByPeriodIdAndAgencyId(Long periodId, Long agencyId);

    List<PeriodReopening> findByPeriodIdOrderByReopenedAtDesc(Long periodId);
}
