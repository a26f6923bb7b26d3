package vn.laichau.hlg.tracker.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.laichau.hlg.tracker.account.AccountMoves;

/** The administration's front page, with the accounts a reorganisation left behind. */
@Controller
class AdminController {

    private final AccountMoves moves;

    AdminController(AccountMoves moves) {
        this.moves = moves;
    }

    @GetMapping("/admin")
    String index(Model model) {
        model.addAttribute("stranded", moves.stranded());
        return "admin/index";
    }
}
