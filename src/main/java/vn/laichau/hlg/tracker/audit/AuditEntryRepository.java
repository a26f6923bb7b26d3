package vn.laichau.hlg.tracker.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    @Query("""
            select e from AuditEntry e
            where (:actor is null or lower(e.actor) = :actor)
              and (:kind is null or e.kind = :kind)
              and (e.at >= :from) and (e.at < :to)
            order by e.at desc, e.id desc""")
    Page<AuditEntry> search(String actor, String kind, Instant from, Instant to, Pageable pageable);

    @Query("select distinct e.kind from AuditEntry e order by e.kind")
    List<String> findKinds();
}
