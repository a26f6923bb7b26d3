package vn.laichau.hlg.tracker.agency;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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
            select a from Agency a join fetch a.kind join fetch a.unit u
            where a.closedOn <= :day
            order by u.code, a.name""")
    List<Agency> findClosedBy(LocalDate day);

    @Query("""
            select a from Agency a join fetch a.kind k join fetch a.unit u
            where k.id in :kindIds
              and a.openedOn <= :day and (a.closedOn is null or a.closedOn > :day)
            order by case u.level when vn.laichau.hlg.tracker.unit.UnitLevel.PROVINCE then 0
                                  when vn.laichau.hlg.tracker.unit.UnitLevel.DISTRICT then 1 else 2 end,
                     u.code, a.name""")
    List<Agency> findOpenOfKinds(Collection<Long> kindIds, LocalDate day);

    /**
     * One page of agencies matching a folded name pattern, a kind, a set of units and a status as of a day,
     * with kind and unit fetched in the same query.
     */
    @Query(value = """
            select a from Agency a join fetch a.kind k join fetch a.unit u
            where a.searchText like :pattern escape '\\'
              and (:kindId is null or k.id = :kindId)
              and (:anyUnit = true or u.id in :unitIds)
              and (:status = 'ALL'
                   or (:status = 'OPEN' and (a.closedOn is null or a.closedOn > :today))
                   or (:status = 'CLOSED' and a.closedOn <= :today))
            order by a.searchText, a.id""",
            countQuery = """
            select count(a) from Agency a join a.kind k join a.unit u
            where a.searchText like :pattern escape '\\'
              and (:kindId is null or k.id = :kindId)
              and (:anyUnit = true or u.id in :unitIds)
              and (:status = 'ALL'
                   or (:status = 'OPEN' and (a.closedOn is null or a.closedOn > :today))
                   or (:status = 'CLOSED' and a.closedOn <= :today))""")
    Page<Agency> search(String pattern, Long kindId, boolean anyUnit, Collection<Long> unitIds, String status,
                        LocalDate today, Pageable pageable);

    @Query("select a from Agency a join fetch a.kind join fetch a.unit where a.id = :id")
    Optional<Agency> findWithKindAndUnit(long id);

    @Query("select count(a) > 0 from Agency a where lower(a.code) = lower(:code) and (:exceptId is null or a.id <> :exceptId)")
    boolean codeTaken(String code, Long exceptId);

    @Query("select lower(a.code) from Agency a where lower(a.code) in :lowerCodes")
    List<String> findTakenCodes(Collection<String> lowerCodes);
}
