package io.caseway.app.referral;

/** Problems beyond unemployment that the referrer names; any of them points the triage to the interdisciplinary unit. */
public enum Need {
  HEALTH,
  MENTAL_HEALTH,
  ADDICTION,
  HOUSING,
  DEBT
}
