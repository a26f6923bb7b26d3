package vn.laichau.hlg.tracker.agency;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AgencyKindRepository extends JpaRepository<AgencyKind, Long> {

    List<AgencyKind> findAllByOrderByPositionAsc();
}
