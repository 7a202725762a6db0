package org.attest.audit;

import java.util.List;

/**
 * One page of events in sequence order.
 *
 * @param records the events of the page
 * @param more whether events after the last one match as well
 */
public record AuditPage(List<AuditRecord> records, boolean more) {

    public AuditPage {
        records = List.copyOf(records);
    }
}
