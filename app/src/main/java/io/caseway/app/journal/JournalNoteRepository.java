package io.caseway.app.journal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JournalNoteRepository extends JpaRepository<JournalNote, UUID> {
  List<JournalNote> findByCaseIdOrderByWrittenAtDesc(UUID caseId);
}
