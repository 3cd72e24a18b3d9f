package io.caseway.app.web;

import io.caseway.app.security.CasewayUser;
import io.caseway.app.security.CurrentUser;
import io.caseway.app.task.CaseTasks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task inbox and the task page: the engine's user tasks for the cases the person works on,
 * each with its Camunda Form rendered in the page (the same {@code .form} Tasklist shows).
 */
@Controller
class TaskPageController {
  private final CurrentUser currentUser;
  private final CaseTasks tasks;
  private final TaskRows taskRows;

  TaskPageController(CurrentUser currentUser, CaseTasks tasks, TaskRows taskRows) {
    this.currentUser = currentUser;
    this.tasks = tasks;
    this.taskRows = taskRows;
  }

  /** The tasks of the person's cases: theirs first, then those they may take, oldest first. */
  @GetMapping("/tasks")
  String inbox(Model model) {
    CasewayUser me = currentUser.require();
    model.addAttribute("user", me);
    model.addAttribute("tasks", taskRows.of(taskRows.inbox(me)));
    return "tasks";
  }

  @GetMapping("/tasks/{key}")
  String task(@PathVariable long key, Model model) {
    return show(tasks.open(key), model);
  }

  /** htmx: the form's questions again, shown or hidden for the answers given so far. */
  @PostMapping(path = "/tasks/{key}/preview", headers = "HX-Request")
  String preview(@PathVariable long key, @RequestParam MultiValueMap<String, String> params, Model model) {
    model.addAttribute("open", tasks.preview(key, params));
    model.addAttribute("zone", tasks.zone());
    return "task :: fields";
  }

  @PostMapping("/tasks/{key}/claim")
  String claim(@PathVariable long key, RedirectAttributes redirect) {
    tasks.claim(key);
    redirect.addFlashAttribute("taskMessage", "The task is yours now.");
    return "redirect:/tasks/" + key;
  }

  @PostMapping("/tasks/{key}/release")
  String release(@PathVariable long key, RedirectAttributes redirect) {
    tasks.release(key);
    redirect.addFlashAttribute("inboxMessage", "You gave the task back. Someone else on the team can take it now.");
    return "redirect:/tasks";
  }

  /** Completes the task with its form; with errors the page comes back with them, and nothing is sent. */
  @PostMapping("/tasks/{key}")
  String complete(@PathVariable long key, @RequestParam MultiValueMap<String, String> params, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    if (params.containsKey("refresh")) {
      // without JavaScript: show the questions that depend on the answers given, complete nothing
      return show(tasks.preview(key, params), model);
    }
    CaseTasks.Completion done = tasks.complete(key, params);
    if (!done.completed()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return show(done.task(), model);
    }
    redirect.addFlashAttribute("caseMessage", "\u201c" + done.task().task().name() + "\u201d is done.");
    return "redirect:/cases/" + done.task().task().caseId() + "#tasks";
  }

  private String show(CaseTasks.OpenTask open, Model model) {
    model.addAttribute("user", currentUser.require());
    model.addAttribute("open", open);
    model.addAttribute("row", taskRows.of(List.of(open.task())).get(0));
    model.addAttribute("zone", tasks.zone());
    return "task";
  }
}
