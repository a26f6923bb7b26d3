package vn.laichau.hlg.tracker.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs to know. */
@ControllerAdvice
class GlobalModelAttributes {

    private final boolean demo;

    GlobalModelAttributes(@Value("${app.demo:false}") boolean demo) {
        this.demo = demo;
    }

    /** The demo profile shows a banner on every page so that nobody mistakes sample data for real data. */
    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }
}
