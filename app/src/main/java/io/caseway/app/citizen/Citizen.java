package io.caseway.app.citizen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person Caseway supports. Contact preferences include a community location (a library, the GP
 * practice) for those who would rather not come to the jobcentre; vulnerability flags ask for
 * trauma-informed contact.
 */
@Entity
@Table(name = "citizen")
public class Citizen {
  @Id private UUID id;
  @Column(name = "person_identifier") private String personIdentifier;
  @Column(name = "full_name") private String fullName;
  @Column(name = "preferred_language") private String preferredLanguage;
  @Enumerated(EnumType.STRING) @Column(name = "contact_channel") private ContactChannel contactChannel;
  @Column(name = "contact_detail") private String contactDetail;
  @Column(name = "community_location") private String communityLocation;
  @JdbcTypeCode(SqlTypes.ARRAY) @Column(name = "vulnerability_flags") private List<String> vulnerabilityFlags =
      new ArrayList<>();
  @Column(name = "created_at") private Instant createdAt;
  @Version private long version;

  protected Citizen() {}

  public Citizen(String personIdentifier, String fullName, String preferredLanguage, ContactChannel contactChannel,
      String contactDetail, String communityLocation, List<String> vulnerabilityFlags, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.personIdentifier = personIdentifier;
    this.fullName = fullName;
    this.preferredLanguage = preferredLanguage;
    this.contactChannel = contactChannel;
    this.contactDetail = contactDetail;
    this.communityLocation = communityLocation;
    this.vulnerabilityFlags = new ArrayList<>(vulnerabilityFlags);
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String personIdentifier() {
    return personIdentifier;
  }

  public String fullName() {
    return fullName;
  }

  public String preferredLanguage() {
    return preferredLanguage;
  }

  public ContactChannel contactChannel() {
    return contactChannel;
  }

  public String contactDetail() {
    return contactDetail;
  }

  public String communityLocation() {
    return communityLocation;
  }

  public List<String> vulnerabilityFlags() {
    return List.copyOf(vulnerabilityFlags);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }
}
