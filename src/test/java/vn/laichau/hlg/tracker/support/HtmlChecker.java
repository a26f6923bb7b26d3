package vn.laichau.hlg.tracker.support;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nu HTML checker (the engine behind validator.w3.org/nu), run in this JVM on a page's HTML as the
 * server sent it. Only errors count; warnings and notes do not.
 */
public final class HtmlChecker {

    private final SimpleDocumentValidator validator;
    private final List<String> errors = new ArrayList<>();

    public HtmlChecker() {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
                // warnings and notes do not count
            }

            @Override
            public void error(SAXParseException exception) {
                errors.add(describe(exception));
            }

            @Override
            public void fatalError(SAXParseException exception) {
                errors.add(describe(exception));
            }
        };
        try {
            validator = new SimpleDocumentValidator(true, false, false);
            validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
            validator.setUpValidatorAndParsers(collect, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("The Nu HTML checker could not start", e);
        }
    }

    /** The errors in one page, each as "line:column message"; empty when the page is valid. */
    public synchronized List<String> check(String html) {
        errors.clear();
        try {
            validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            errors.add("not checked: " + e);
        }
        return List.copyOf(errors);
    }

    private static String describe(SAXParseException exception) {
        return exception.getLineNumber() + ":" + exception.getColumnNumber() + " " + exception.getMessage();
    }
}
