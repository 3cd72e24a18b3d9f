package io.caseway.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The journeys' own forms, read and filled in as the task page does. */
class FilledFormTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
  private final FormConditions conditions = new FormConditions();

  private static TaskForm form(String name) throws IOException {
    try (InputStream in = FilledFormTest.class.getResourceAsStream("/caseway/processes/" + name + ".form")) {
      return TaskForm.parse(JSON.readTree(in));
    }
  }

  private FilledForm submit(TaskForm form, Map<String, Object> task, Map<String, List<String>> params) {
    return FilledForm.submitted(form, task, params, conditions, COPENHAGEN);
  }

  @Test
  void everyFormOfTheJourneysCanBeShownWithoutFallingBackToTasklist() throws IOException {
    var forms = new PathMatchingResourcePatternResolver().getResources("classpath*:caseway/processes/*.form");
    assertThat(forms).hasSizeGreaterThan(20);
    for (var resource : forms) {
      try (InputStream in = resource.getInputStream()) {
        TaskForm form = TaskForm.parse(JSON.readTree(in));
        assertThat(form.unsupported()).as(resource.getFilename()).isEmpty();
        assertThat(form.inputs()).as(resource.getFilename()).isNotEmpty();
        // opening it with no variables at all works, and shows at least one question
        FilledForm opened = FilledForm.opened(form, Map.of(), conditions, COPENHAGEN);
        assertThat(opened.fields().stream().filter(v -> v.visible() && v.field().isInput())).isNotEmpty();
      }
    }
  }

  @Test
  void requiredAnswersAreAskedForByNameAndNothingIsCompletedWithErrors() throws IOException {
    TaskForm form = form("roundtable-self-assessment");
    FilledForm filled = submit(form, Map.of(), Map.of());
    assertThat(filled.isValid()).isFalse();
    assertThat(filled.errors()).containsExactly(
        Map.entry("healthInOwnWords", "Enter \u201cHow does your health affect your daily life?\u201d"),
        Map.entry("workAbilityToday", "Choose an answer for \u201cHow much do you think you could work today?\u201d"));
    assertThatThrownBy(filled::variables).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aQuestionHiddenByItsConditionIsNeitherCheckedNorSubmitted() throws IOException {
    TaskForm form = form("roundtable-self-assessment");
    Map<String, List<String>> params = new HashMap<>(Map.of("field.healthInOwnWords", List.of("Back pain"),
        "field.workAbilityToday", List.of("few-hours"), "field.companionName", List.of("Jens")));
    FilledForm alone = submit(form, Map.of(), params);
    assertThat(alone.variables()).containsEntry("bringingCompanion", false).doesNotContainKey("companionName");
    assertThat(alone.fields().stream().filter(v -> "companionName".equals(v.field().key())).findFirst().orElseThrow()
        .visible()).isFalse();

    params.put("field.bringingCompanion", List.of("true"));
    FilledForm withCompanion = submit(form, Map.of(), params);
    assertThat(withCompanion.variables()).containsEntry("bringingCompanion", true).containsEntry("companionName", "Jens")
        .containsEntry("workAbilityToday", "few-hours");
    // the checkbox is what the companion question depends on
    assertThat(withCompanion.fields().stream().filter(v -> v.drivesConditions()).map(v -> v.field().key()))
        .containsExactly("bringingCompanion");
  }

  @Test
  void anAnswerThatIsNotOneOfTheChoicesIsRefused() throws IOException {
    FilledForm filled = submit(form("roundtable-schedule-meeting"), Map.of(), Map.of(
        "field.meetingStart", List.of("2027-01-12"), "field.meetingStart.time", List.of("09:30"),
        "field.meetingPlace", List.of("Room 2"), "field.participantRoles", List.of("citizen", "the-mayor")));
    assertThat(filled.errors()).containsOnlyKeys("participantRoles");
    assertThat(filled.errors().get("participantRoles")).startsWith("Choose only the answers given");
  }

  @Test
  void aDateAndTimeIsTypedInLocalTimeAndSubmittedAsTheFormAsksForUtc() throws IOException {
    TaskForm form = form("roundtable-schedule-meeting");
    FilledForm filled = submit(form, Map.of(), Map.of(
        "field.meetingStart", List.of("2027-01-12"), "field.meetingStart.time", List.of("09:30"),
        "field.meetingPlace", List.of("Room 2"), "field.participantRoles", List.of("citizen", "doctor")));
    assertThat(filled.variables()).containsEntry("meetingStart", "2027-01-12T08:30Z")
        .containsEntry("participantRoles", List.of("citizen", "doctor"));
    // and shown again in local time when the task is opened with it
    var shown = FilledForm.opened(form, filled.variables(), conditions, COPENHAGEN).fields().stream()
        .filter(v -> "meetingStart".equals(v.field().key())).findFirst().orElseThrow();
    assertThat(shown.value()).isEqualTo("2027-01-12");
    assertThat(shown.time()).isEqualTo("09:30");

    FilledForm timeOnly = submit(form, Map.of(), Map.of("field.meetingStart.time", List.of("09:30"),
        "field.meetingPlace", List.of("Room 2"), "field.participantRoles", List.of("doctor")));
    assertThat(timeOnly.errors()).containsEntry("meetingStart", "Enter the date as well as the time");
  }

  @Test
  void numbersAcceptADecimalCommaAndKeepToTheFormsDecimalPlaces() throws IOException {
    TaskForm form = form("flex-job-agree-hours");
    String hours = "field.weeklyHours";
    Map<String, Object> task = Map.of("vacancies", List.of(Map.of("label", "Bakery, 10 h", "value", "v-1")));
    Map<String, List<String>> params = new HashMap<>(Map.of("field.vacancyId", List.of("v-1"), hours, List.of("7,5")));
    FilledForm filled = submit(form, task, params);
    assertThat(filled.errors()).isEmpty();
    assertThat(filled.variables()).containsEntry("vacancyId", "v-1").containsEntry("weeklyHours", new BigDecimal("7.5"));
    // the options come from the task's variable named by valuesKey
    assertThat(filled.fields().stream().filter(v -> "vacancyId".equals(v.field().key())).findFirst().orElseThrow()
        .options()).containsExactly(new TaskForm.Option("Bakery, 10 h", "v-1"));
    params.put(hours, List.of("7.25"));
    assertThat(submit(form, task, params).errors().get("weeklyHours")).contains("at most 1 decimal places");
    params.put(hours, List.of("seven"));
    assertThat(submit(form, task, params).errors().get("weeklyHours")).isEqualTo("Enter a number, like 12 or 7.5");
  }

  @Test
  void textIsEscapedAndPlaceholdersAreFilledFromTheTask() {
    String html = FormText.toHtml("## Before the meeting\n**Refused:** {{reason}}\n- one\n- [help](https://caseway.example/help)\n"
        + "[bad](javascript:alert(1))", Map.of("reason", "<script>alert('x')</script>"));
    assertThat(html).contains("<h2 class=\"govuk-heading-m\">Before the meeting</h2>")
        .contains("<strong>Refused:</strong> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("<li><a class=\"govuk-link\" href=\"https://caseway.example/help\">help</a></li>")
        .contains("[bad](javascript:alert(1))").doesNotContain("<script>").doesNotContain("href=\"javascript");
  }

  @Test
  void aComponentCasewayCannotShowIsNamedSoThePageCanSendTheUserToTasklist() throws IOException {
    JsonNode schema = JSON.readTree("""
        {"id": "f", "components": [
          {"type": "textfield", "id": "Field_A", "key": "a", "label": "A"},
          {"type": "dynamiclist", "id": "List_People", "path": "people", "components": []}]}""");
    TaskForm form = TaskForm.parse(schema);
    assertThat(form.unsupported()).containsExactly("dynamiclist (List_People)");
    assertThatThrownBy(() -> TaskForm.parse(JSON.readTree("{\"components\": [{\"type\": \"textfield\", \"id\": \"X\"}]}")))
        .hasMessage("Form component X (textfield) has no key");
  }
}
