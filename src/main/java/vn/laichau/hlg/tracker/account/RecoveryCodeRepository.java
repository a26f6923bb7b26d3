package vn.laichau.hlg.tracker.account;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

    List<RecoveryCode> findByAccountIdAndUsedAtIsNull(Long accountId);

    @Modifying
    @Query("delete from RecoveryCode c where c.accountId = :accountId")
    void deleteByAccountId(Long accountId);
}
