package io.caseway.app.citizen;

public enum ContactChannel {
  PHONE,
  EMAIL,
  LETTER,
  IN_PERSON
}
