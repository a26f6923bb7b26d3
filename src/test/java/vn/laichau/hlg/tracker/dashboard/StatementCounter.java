package vn.laichau.hlg.tracker.dashboard;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.laichau.hlg.tracker.account.ScopeService;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A data source that counts the SQL statements prepared through it, and a dashboard service built on
 * it, so that a test can tell how many statements a page costs.
 */
public final class StatementCounter {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final AtomicInteger count = new AtomicInteger();
    private final DataSource dataSource;

    public StatementCounter(DataSource target) {
        this.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public int reset() {
        return count.getAndSet(0);
    }

    public DashboardService dashboardService(ScopeService scopes, Clock clock) {
        return new DashboardService(new DashboardQueries(new NamedParameterJdbcTemplate(dataSource)), scopes, clock);
    }

    private Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (STATEMENTS.contains(method.getName())) {
                        count.incrementAndGet();
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
