package vn.laichau.hlg.tracker.agency;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface AgencyRepository extends JpaRepository<Agency, Long> {

    @Query("""
            select a from Agency a join fetch a.kind join fetch a.unit
            where a.code = :code""")
    Optional<Agency> findByCode(String code);

    @Query("""
            select a from Agency a join fetch a.kind join fetch a.unit u
            where a.id in :ids
            order by u.code, a.name""")
    List<Agency> findAllWithKindAndUnit(Collection<Long> ids);

    @Query("""
            select a from Agency a join fetch a.kind join fetch a.unit u
            where a.openedOn <= :day and (a.closedOn is null or a.closedOn > :day)
            order by u.code, a.name""")
    List<Agency> findOpenOn(LocalDate day);

    @Query("""
            select a from Agency a join fetch a.kind k join fetch a.unit u
            where k.id in :kindIds
              and a.openedOn <= :day and (a.closedOn is null or a.closedOn > :day)
            order by case u.level when vn.laichau.hlg.tracker.unit.UnitLevel.PROVINCE then 0
                                  when vn.laichau.hlg.tracker.unit.UnitLevel.DISTRICT then 1 else 2 end,
                     u.code, a.name""")
    List<Agency> findOpenOfKinds(Collection<Long> kindIds, LocalDate day);
}
