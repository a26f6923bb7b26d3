package vn.laichau.hlg.tracker.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration's front page. */
@Controller
class AdminController {

    @GetMapping("/admin")
    String index() {
        return "admin/index";
    }
}
