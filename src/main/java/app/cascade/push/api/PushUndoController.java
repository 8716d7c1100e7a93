package app.cascade.push.api;

import app.cascade.api.Problem;
import app.cascade.api.ProblemResponses;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushUndoService;
import app.cascade.push.UndoPreview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.UUID;

/**
 * The undo of a push (issue 18): its dry run and the undo itself, a request of kind UNDO. The push services decide and
 * authorize; this class only translates HTTP. A push that may not be undone is a 409 saying why ({@link PushProblems}).
 */
@RestController
@RequestMapping(path = PushController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Push requests")
class PushUndoController {

    private final PushUndoService undos;
    private final PushRequestService requests;

    PushUndoController(PushUndoService undos, PushRequestService requests) {
        this.undos = undos;
        this.requests = requests;
    }

    @PostMapping("/{id}/undo")
    @Operation(summary = "Undo a finished push",
            description = "Stores a request of kind `UNDO` (with the push's catalog, master, year and mode) that puts "
                    + "back every course the push changed: its Course Info and its course and section items, items "
                    + "it deleted re-created with their ids, items it created deleted. A course changed since the "
                    + "push is left as it is (`CHANGED_SINCE_PUSH`), and so is one where putting it back would "
                    + "delete an item with grades or assignments (`UNDO_KEEPS_GRADES`); the others are reported "
                    + "`RESTORED`. It runs as a background job, like a push, under the catalog's push lock. A push "
                    + "may be undone once, when it finished (COMPLETED, COMPLETED_WITH_WARNINGS, or FAILED after a "
                    + "course committed) and what it changed is still kept (`links.undo` of the push says so). "
                    + "Requires PUSH_ADMIN.")
    @ApiResponse(responseCode = "202", description = "Accepted: the UNDO request; `Location` is its URL",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The UNDO request's URL"))
    @ProblemResponses.PushAdmin
    @ProblemResponses.NotFound
    @NotUndoable
    @ProblemResponses.ServerFailure
    ResponseEntity<PushRequestResource> undo(@PathVariable UUID id) {
        UUID undo = undos.undo(id);
        return ResponseEntity.accepted().location(URI.create(PushController.BASE + "/" + undo))
                .body(PushRequestResource.of(requests.details(undo)));
    }

    @GetMapping("/{id}/undo-preview")
    @Operation(summary = "Preview the undo of a push (dry run)",
            description = "The courses the undo would put back, each with the items it would re-create, restore or "
                    + "delete, and apart the courses it would leave as they are, each with its reason. Planned as "
                    + "the undo plans; nothing is stored. Refused as the undo is. Requires PUSH_ADMIN.")
    @ApiResponse(responseCode = "200", description = "The preview")
    @ProblemResponses.PushAdmin
    @ProblemResponses.NotFound
    @NotUndoable
    @ProblemResponses.ServerFailure
    UndoPreview undoPreview(@PathVariable UUID id) {
        return undos.undoPreview(id);
    }

    /** 409: the push may not be undone, with the reason in words. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "409", description = "The push may not be undone: not finished, itself an undo, "
            + "undone already (the detail names the undo request), or what it changed is purged or was never kept",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "undoneAlready",
                    value = """
                            {"type": "https://cascade.app/problems/push-request-state",
                             "title": "Not possible in the request's status", "status": 409,
                             "detail": "This push has been undone already, by undo request \
                            5d1c2b3a-0f4e-4a6b-9c8d-7e6f5a4b3c2d; a push is undone once",
                             "instance": "/api/v1/pushes/0b5f8f5e-4a53-4c1e-9d0e-3f1a2b3c4d5e/undo"}""")))
    @interface NotUndoable {
    }
}
