package vn.laichau.hlg.tracker.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Counts the SQL statements the whole application prepares while a test runs something, so that a
 * test can tell how many statements a page costs, from the security filters to the template. The
 * application's data source is wrapped once for every integration test; only statements prepared on
 * the thread that asks are counted (MockMvc handles a request on the test's own thread), so scheduled
 * jobs running meanwhile do not disturb the count.
 */
@Component
public class SqlStatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    /** The statements of the thread that is counting; null on every other thread. */
    private static final ThreadLocal<List<String>> STATEMENTS_SEEN = new ThreadLocal<>();

    /** What a test runs while the statements are counted. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Runs the action and answers how many SQL statements were prepared on this thread meanwhile. */
    public static int count(Action action) throws Exception {
        return statements(action).size();
    }

    /**
     * Runs the action and answers the SQL of each statement prepared on this thread meanwhile, in order
     * (a statement prepared without its SQL shows as "?"), for a test to name them when it fails.
     */
    public static List<String> statements(Action action) throws Exception {
        List<String> seen = new ArrayList<>();
        STATEMENTS_SEEN.set(seen);
        try {
            action.run();
        } finally {
            STATEMENTS_SEEN.remove();
        }
        return seen;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass()) ? counting(dataSource) : bean;
    }

    private static DataSource counting(DataSource target) {
        // Closeable too, so that the context still closes the pool when it shuts down.
        return (DataSource) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(),
                new Class<?>[]{DataSource.class, Closeable.class}, (proxy, method, args) -> {
                    if (isIdentity(method)) {
                        return identity(proxy, method, args);
                    }
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (target instanceof AutoCloseable closeable) {
                            closeable.close();
                        }
                        return null;
                    }
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private static Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (isIdentity(method)) {
                        return identity(proxy, method, args);
                    }
                    List<String> seen = STATEMENTS_SEEN.get();
                    if (seen != null && STATEMENTS.contains(method.getName())) {
                        seen.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : "?");
                    }
                    return invoke(target, method, args);
                });
    }

    private static boolean isIdentity(Method method) {
        return (method.getName().equals("equals") && method.getParameterCount() == 1)
                || (method.getName().equals("hashCode") && method.getParameterCount() == 0);
    }

    /** A proxy is equal only to itself: it is used as a key (transaction resources are bound by data source). */
    private static Object identity(Object proxy, Method method, Object[] args) {
        return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
