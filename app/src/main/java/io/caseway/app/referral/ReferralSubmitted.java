package io.caseway.app.referral;

import java.util.List;
import java.util.UUID;

/** Published when a referral is stored; the intake process is started once the transaction commits. */
public record ReferralSubmitted(UUID referralId, List<String> needs, boolean healthReferred) {}
