package io.caseway.app.web;

import io.caseway.app.shared.Problems.ProblemException;
import io.caseway.app.task.CaseTasks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * On the pages a refused request gets a page in words, not the API's problem+json: what happened
 * and where to go next. A task someone else took in the meantime sends the user back to it with a
 * banner saying so.
 */
@ControllerAdvice(assignableTypes = {PageController.class, TaskPageController.class, ProcessOwnerController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  @ExceptionHandler(ProblemException.class)
  String problem(ProblemException e, HttpServletResponse response, Model model) {
    return page(e.status(), e.getMessage(), response, model);
  }

  @ExceptionHandler(CaseTasks.TaskNotFound.class)
  String taskGone(CaseTasks.TaskNotFound e, HttpServletResponse response, Model model) {
    return page(HttpStatus.NOT_FOUND, e.getMessage() + ". It may have been completed by someone else.", response,
        model);
  }

  /** Opening a task that is not one's own says why; an action on a task goes back to it with a banner. */
  @ExceptionHandler(CaseTasks.TaskConflict.class)
  String taskConflict(CaseTasks.TaskConflict e, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    if ("GET".equals(request.getMethod())) {
      return page(HttpStatus.FORBIDDEN, e.getMessage(), response, model);
    }
    RequestContextUtils.getOutputFlashMap(request).put("taskProblem", e.getMessage());
    String path = request.getRequestURI().replaceFirst("/(claim|release|preview)$", "");
    return "redirect:" + path.substring(request.getContextPath().length());
  }

  private static String page(HttpStatus status, String detail, HttpServletResponse response, Model model) {
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute("detail", detail);
    return "error";
  }
}
