package io.caseway.app.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Which referral a partner's {@code Idempotency-Key} created, and a hash of the request that did. */
@Entity
@Table(name = "idempotency_key")
class IdempotencyKey {
  @Embeddable
  record Id(@Column(name = "partner_id") UUID partnerId, @Column(name = "key") String key) implements Serializable {}

  @EmbeddedId private Id id;
  @Column(name = "request_hash") private String requestHash;
  @Column(name = "referral_id") private UUID referralId;
  @Column(name = "created_at") private Instant createdAt;

  protected IdempotencyKey() {}

  IdempotencyKey(UUID partnerId, String key, String requestHash, UUID referralId, Instant createdAt) {
    this.id = new Id(partnerId, key);
    this.requestHash = requestHash;
    this.referralId = referralId;
    this.createdAt = createdAt;
  }

  String requestHash() {
    return requestHash;
  }

  UUID referralId() {
    return referralId;
  }
}
