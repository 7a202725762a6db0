package org.attest.api.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.attest.api.web.RequestIds;
import org.attest.audit.Actor;
import org.attest.redaction.Redactor;
import org.attest.review.DecisionReason;
import org.attest.review.IllegalTransitionException;
import org.attest.review.ReviewDecision;
import org.attest.review.ReviewItem;
import org.attest.review.ReviewQueue;
import org.attest.review.ReviewStatistics;
import org.attest.review.ReviewStatus;
import org.attest.review.Reviewer;
import org.attest.review.UnknownReviewItemException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /ui/reviews}: the clinician's queue (most urgent, then oldest, first), one item with the redacted source
 * beside the draft, and approve / edit / reject forms. Every action is a form post (CSRF-protected) that redirects
 * back, so the pages work without scripts.
 */
@Controller
@RequestMapping("/ui/reviews")
class ReviewPages {

    static final int QUEUE_PAGE = 50;

    private final ReviewQueue queue;
    private final ReviewStatistics statistics;
    private final Redactor redactor;

    ReviewPages(ReviewQueue queue, ReviewStatistics statistics, Redactor redactor) {
        this.queue = queue;
        this.statistics = statistics;
        this.redactor = redactor;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal OidcUser user, Model model) {
        Actor me = actor(user);
        model.addAttribute("open", queue.page(ReviewStatus.PENDING, null, 0, QUEUE_PAGE));
        model.addAttribute(
                "mine",
                queue.page(ReviewStatus.CLAIMED, null, 0, QUEUE_PAGE).stream()
                        .filter(item ->
                                item.claim() != null && item.claim().by().equals(me))
                        .toList());
        model.addAttribute("stats", statistics.byModelVersion());
        model.addAttribute("user", user.getPreferredUsername() == null ? "clinician" : user.getPreferredUsername());
        return "reviews/queue";
    }

    @PostMapping("/next")
    String next(@AuthenticationPrincipal OidcUser user, HttpServletRequest request, RedirectAttributes flash) {
        Optional<ReviewItem> next = queue.claimNext(reviewer(user, request), null);
        if (next.isEmpty()) {
            flash.addFlashAttribute("message", "The queue is empty.");
            return "redirect:/ui/reviews";
        }
        return "redirect:/ui/reviews/" + next.get().id();
    }

    @GetMapping("/{id}")
    String item(
            @PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, RedirectAttributes flash) {
        Optional<ReviewItem> item = parse(id).flatMap(queue::find);
        if (item.isEmpty()) {
            flash.addFlashAttribute("error", "No such review item.");
            return "redirect:/ui/reviews";
        }
        ReviewItem found = item.get();
        model.addAttribute("item", found);
        model.addAttribute("rules", Arrays.asList(found.reason().split(",")));
        model.addAttribute("mine", found.claim() != null && found.claim().by().equals(actor(user)));
        model.addAttribute("reasons", List.of(DecisionReason.values()));
        return "reviews/item";
    }

    @PostMapping("/{id}/claim")
    String claim(
            @PathVariable String id,
            @AuthenticationPrincipal OidcUser user,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return act(id, flash, "/ui/reviews/" + id, "Claimed.", uuid -> queue.claim(uuid, reviewer(user, request)));
    }

    @PostMapping("/{id}/approve")
    String approve(
            @PathVariable String id,
            @AuthenticationPrincipal OidcUser user,
            HttpServletRequest request,
            RedirectAttributes flash) {
        return decide(id, user, request, flash, new ReviewDecision.Approve(), "Approved: the draft is released.");
    }

    @PostMapping("/{id}/edit")
    String edit(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal OidcUser user,
            HttpServletRequest request,
            RedirectAttributes flash) {
        Optional<DecisionReason> why = reason(reason);
        if (text.isBlank() || text.length() > 20_000 || why.isEmpty()) {
            flash.addFlashAttribute("error", "An edit needs a text (at most 20,000 characters) and a reason.");
            return "redirect:/ui/reviews/" + id;
        }
        // the released text goes through the same redaction as model output
        String redacted = redactor.redact(text).redactedText();
        return decide(id, user, request, flash, new ReviewDecision.Edit(redacted, why.get()), "Edited text released.");
    }

    @PostMapping("/{id}/reject")
    String reject(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal OidcUser user,
            HttpServletRequest request,
            RedirectAttributes flash) {
        Optional<DecisionReason> why = reason(reason);
        if (why.isEmpty()) {
            flash.addFlashAttribute("error", "A rejection needs a reason.");
            return "redirect:/ui/reviews/" + id;
        }
        return decide(
                id, user, request, flash, new ReviewDecision.Reject(why.get()), "Rejected: it will never be released.");
    }

    private String decide(
            String id,
            OidcUser user,
            HttpServletRequest request,
            RedirectAttributes flash,
            ReviewDecision decision,
            String done) {
        return act(id, flash, "/ui/reviews", done, uuid -> queue.decide(uuid, reviewer(user, request), decision));
    }

    private String act(
            String id,
            RedirectAttributes flash,
            String onSuccess,
            String done,
            java.util.function.Function<UUID, ReviewItem> transition) {
        Optional<UUID> uuid = parse(id);
        try {
            transition.apply(uuid.orElseThrow(UnknownReviewItemException::new));
            flash.addFlashAttribute("message", done);
            return "redirect:" + onSuccess;
        } catch (IllegalTransitionException refused) {
            flash.addFlashAttribute("error", Refusals.explain(refused.refusal()));
            return "redirect:/ui/reviews/" + id;
        } catch (UnknownReviewItemException unknown) {
            flash.addFlashAttribute("error", "No such review item.");
            return "redirect:/ui/reviews";
        }
    }

    private static Reviewer reviewer(OidcUser user, HttpServletRequest request) {
        List<String> audience = user.getIdToken().getAudience();
        String client = audience == null || audience.isEmpty() ? "browser" : audience.getFirst();
        return new Reviewer(actor(user), client, RequestIds.current(request));
    }

    private static Actor actor(OidcUser user) {
        return new Actor(String.valueOf(user.getIdToken().getIssuer()), user.getSubject());
    }

    private static Optional<DecisionReason> reason(String reason) {
        return Arrays.stream(DecisionReason.values())
                .filter(r -> r.name().equals(reason))
                .findFirst();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
