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

    /**
     * The unit, every unit below it and, through successors an administrator confirmed, every unit that
     * took over from one of them (and the units below those): what a reviewer or viewer of the unit oversees.
     */
    @Query(value = """
            with recursive edge(from_id, to_id) as (
                select parent_id, id from administrative_unit where parent_id is not null
                union all
                select unit_id, successor_id from unit_successor where scope_confirmed),
            tree(id) as (
                select id from administrative_unit where id = :unitId
                union
                select e.to_id from edge e join tree t on e.from_id = t.id)
            select id from tree""", nativeQuery = true)
    List<Long> findOverseenIds(long unitId);
}
