package vn.laichau.hlg.tracker.unit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface AdministrativeUnitRepository extends JpaRepository<AdministrativeUnit, Long> {

    Optional<AdministrativeUnit> findByCode(String code);

    boolean existsByCodeIgnoreCase(String code);

    /** Every unit with its parent and successor, in one query: the whole tree is small. */
    @Query("""
            select u from AdministrativeUnit u left join fetch u.parent left join fetch u.successor
            order by u.code""")
    List<AdministrativeUnit> findAllWithParentAndSuccessor();

    /** The unit and every unit below it, open or closed, in one recursive query. */
    @Query(value = """
            with recursive tree(id) as (
                select id from administrative_unit where id = :unitId
                union
                select u.id from administrative_unit u join tree t on u.parent_id = t.id)
            select id from tree""", nativeQuery = true)
    List<Long> findSubtreeIds(long unitId);
}
