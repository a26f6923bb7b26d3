package vn.laichau.hlg.tracker.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** The provincial plan that implements Đề án 129. */
@Entity
@Table(name = "plan")
class Plan {

    /** The plan seeded from the document of UBND tỉnh Lai Châu. */
    static final String LAI_CHAU = "DE-AN-129-LAI-CHAU";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String issuer;

    @Column(nullable = false)
    private String decision;

    @Column(name = "start_year", nullable = false)
    private int startYear;

    @Column(name = "end_year", nullable = false)
    private int endYear;

    /** Left blank in the document as circulated; set by an administrator once known. */
    @Column(name = "document_number")
    private String documentNumber;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    protected Plan() {
    }

    /** Records the number and date the plan was issued under; blank values clear them. */
    void identify(String number, LocalDate day) {
        this.documentNumber = number == null || number.isBlank() ? null : number.strip();
        this.issuedOn = day;
    }

    String getDocumentNumber() {
        return documentNumber;
    }

    LocalDate getIssuedOn() {
        return issuedOn;
    }

    String getTitle() {
        return title;
    }

    String getIssuer() {
        return issuer;
    }

    String getDecision() {
        return decision;
    }

    int getStartYear() {
        return startYear;
    }

    int getEndYear() {
        return endYear;
    }
}
