package io.caseway.app.notification;

import io.caseway.app.shared.Problems.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What coaches and managers have been told: reminders, warnings and notices, newest first. */
@RestController
class NotificationController {
  record NotificationView(UUID notificationId, UUID caseId, Notification.Recipient recipient, UUID caseworkerId,
      Notification.Kind kind, String text, Instant createdAt) {
    static NotificationView of(Notification n) {
      return new NotificationView(n.id(), n.caseId(), n.recipient(), n.caseworkerId().orElse(null), n.kind(),
          n.text(), n.createdAt());
    }
  }

  private final Notifications notifications;
  private final io.caseway.app.security.CurrentUser currentUser;

  NotificationController(Notifications notifications, io.caseway.app.security.CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  /** A coach's own notices (a manager may look too: notices carry no health details). */
  @GetMapping("/api/caseworkers/{caseworkerId}/notifications")
  List<NotificationView> ofCaseworker(@PathVariable UUID caseworkerId) {
    var me = currentUser.require();
    if (!me.isManagerOrCaseworker(caseworkerId)) {
      throw new io.caseway.app.security.AccessDeniedProblem("A coach reads their own notices only");
    }
    return notifications.ofCaseworker(caseworkerId).stream().map(NotificationView::of).toList();
  }

  @GetMapping("/api/notifications")
  List<NotificationView> forRecipient(@RequestParam Notification.Recipient recipient) {
    if (recipient != Notification.Recipient.MANAGER) {
      throw ProblemException.invalid("recipient", "a coach's notices are at /api/caseworkers/{id}/notifications");
    }
    return notifications.forManagers().stream().map(NotificationView::of).toList();
  }
}
