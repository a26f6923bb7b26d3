package vn.laichau.hlg.tracker.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    protected Plan() {
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
