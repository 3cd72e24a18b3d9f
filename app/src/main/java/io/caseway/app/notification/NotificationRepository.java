package io.caseway.app.notification;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, UUID> {
  List<Notification> findByCaseworkerIdOrderByCreatedAtDesc(UUID caseworkerId, Limit limit);

  List<Notification> findByRecipientOrderByCreatedAtDesc(Notification.Recipient recipient, Limit limit);

  List<Notification> findByCaseIdOrderByCreatedAtAsc(UUID caseId);
}
