package io.caseway.app.consent;

/**
 * What a consent lets Caseway obtain. There is deliberately no "everything": a consent names one
 * category, one source and one purpose (Danish retssikkerhedslov §11a; a generic consent is not valid).
 */
public enum DataCategory {
  GP_RECORDS,
  HOSPITAL_RECORDS,
  MENTAL_HEALTH_RECORDS,
  ADDICTION_TREATMENT_RECORDS,
  SOCIAL_SERVICES_RECORDS,
  EMPLOYER_RECORDS;

  /** Health data, special-category data under GDPR Art. 9. */
  public boolean isHealth() {
    return this == GP_RECORDS || this == HOSPITAL_RECORDS || this == MENTAL_HEALTH_RECORDS
        || this == ADDICTION_TREATMENT_RECORDS;
  }
}
