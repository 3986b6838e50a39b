package dev.bookrental.bff.web.page;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's points: the balance, and buying more (member checks the amount and the balance's
 * limit; its complaint is shown next to the field). A rent costs points, and a late fee is paid
 * from them, which lifts a suspension.
 */
@Controller
class PointsPage {

    private final LibraryApi library;

    PointsPage(LibraryApi library) {
        this.library = library;
    }

    @GetMapping("/bff/web/points")
    String points(@ModelAttribute("form") TopUpForm form, Model model) {
        model.addAttribute("member", library.member());
        return "points";
    }

    @PostMapping("/bff/web/points")
    ModelAndView topUp(@ModelAttribute("form") TopUpForm form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors() || form.amount() == null) {
            binding.rejectValue("amount", "invalid", "Enter a whole number of points.");
            return showAgain(HttpStatus.BAD_REQUEST);
        }
        try {
            LibraryApi.Balance balance = library.topUp(new LibraryApi.TopUp(form.amount()));
            redirect.addFlashAttribute("notice", "Added " + form.amount() + " points. Your balance is now " + balance.points() + ".");
            return new ModelAndView("redirect:/bff/web/points");
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                throw refused;
            }
            Problem problem = Problem.of(refused);
            binding.rejectValue("amount", "refused", problem.fieldErrors().getOrDefault("amount", problem.message()));
            return showAgain(HttpStatus.valueOf(problem.status()));
        }
    }

    /** The form again, with what is wrong next to the field (the form and its errors are in the model already). */
    private ModelAndView showAgain(HttpStatus status) {
        ModelAndView page = new ModelAndView("points", status);
        page.addObject("member", library.member());
        return page;
    }

    /** @param amount null when the field was left empty */
    record TopUpForm(Integer amount) {
    }
}
