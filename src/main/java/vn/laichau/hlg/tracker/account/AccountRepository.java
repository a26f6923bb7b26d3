package vn.laichau.hlg.tracker.account;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    /** The accounts working for one of these agencies or scoped to one of these units, by username. */
    @Query("""
            select a from Account a where a.agencyId in :agencyIds or a.unitId in :unitIds
            order by a.username""")
    List<Account> findByAgencyOrUnit(Collection<Long> agencyIds, Collection<Long> unitIds);

    @Query("select a.username from Account a where a.username in :usernames")
    List<String> findExistingUsernames(Collection<String> usernames);

    /** search_text is the folded username and name, kept by a database trigger (search_fold). */
    @Query(value = "select * from account where search_text like :pattern escape '\\' order by username",
            countQuery = "select count(*) from account where search_text like :pattern escape '\\'", nativeQuery = true)
    Page<Account> search(String pattern, Pageable pageable);

    /**
     * Notes that the authenticator code of a time step was used, in the statement that checks it was not
     * used before: 1 when accepted, 0 when that step (or a later one) was already used.
     */
    @Modifying
    @Query(value = """
            update account set totp_last_step = :step
             where id = :id and (totp_last_step is null or totp_last_step < :step)""", nativeQuery = true)
    int useTotpStep(long id, long step);
}
