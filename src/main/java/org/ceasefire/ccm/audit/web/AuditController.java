package org.ceasefire.ccm.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ceasefire.ccm.audit.AuditEntryView;
import org.ceasefire.ccm.audit.AuditLog;
import org.ceasefire.ccm.audit.AuditVerification;
import org.ceasefire.ccm.base.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for administrators: the latest entries and a verification of the whole chain. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Latest audit entries, newest first (ADMIN)")
    List<AuditEntryView> latest(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500 || (long) page * size > 1_000_000_000L) {
            throw new InvalidInputException("size", "page must be 0 or more and size 1 to 500");
        }
        return audit.latest(page, size);
    }

    @GetMapping("/verify")
    @Operation(summary = "Check the whole hash chain (ADMIN)", description = "Finds any altered, inserted or deleted entry.")
    AuditVerification verify() {
        return audit.verify();
    }
}
