package io.caseway.app.caseload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A coach or caseworker: where they work, and whether they hold a social-work education. */
@Entity
@Table(name = "caseworker")
public class Caseworker {
  @Id private UUID id;
  private String name;
  private String email;
  @Column(name = "social_work_qualified") private boolean socialWorkQualified;
  private String district;
  private String region;
  private boolean active;
  @Version private long version;

  protected Caseworker() {}

  Caseworker(String name, String email, boolean socialWorkQualified, String district, String region) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.email = email;
    this.socialWorkQualified = socialWorkQualified;
    this.district = district;
    this.region = region;
    this.active = true;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public boolean socialWorkQualified() {
    return socialWorkQualified;
  }

  public String district() {
    return district;
  }

  public String region() {
    return region;
  }

  public boolean active() {
    return active;
  }
}
