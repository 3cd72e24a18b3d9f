package io.caseway.app.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the citizen was told when they refused consent for a health data source (once per referral and source). */
@Entity
@Table(name = "consent_refusal_notice")
public class ConsentRefusalNotice {
  @Id private UUID id;
  @Column(name = "referral_id") private UUID referralId;
  @Column(name = "citizen_id") private UUID citizenId;
  @Column(name = "data_source") private String dataSource;
  private String text;
  @Column(name = "told_at") private Instant toldAt;

  protected ConsentRefusalNotice() {}

  ConsentRefusalNotice(UUID referralId, UUID citizenId, String dataSource, String text, Instant toldAt) {
    this.id = UUID.randomUUID();
    this.referralId = referralId;
    this.citizenId = citizenId;
    this.dataSource = dataSource;
    this.text = text;
    this.toldAt = toldAt;
  }

  public UUID referralId() {
    return referralId;
  }

  public String dataSource() {
    return dataSource;
  }

  public String text() {
    return text;
  }

  public Instant toldAt() {
    return toldAt;
  }
}
