package io.caseway.app.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An employer that offers placements, ordinary jobs or flex jobs. */
@Entity
@Table(name = "employer")
public class Employer {
  @Id private UUID id;
  private String name;
  @Column(name = "registration_number") private String registrationNumber;
  private String district;
  private String contact;
  @Column(name = "created_at") private Instant createdAt;

  protected Employer() {}

  Employer(String name, String registrationNumber, String district, String contact, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.registrationNumber = registrationNumber;
    this.district = district;
    this.contact = contact;
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String registrationNumber() {
    return registrationNumber;
  }

  public String district() {
    return district;
  }

  public String contact() {
    return contact;
  }
}
