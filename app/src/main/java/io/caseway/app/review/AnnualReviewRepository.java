package io.caseway.app.review;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AnnualReviewRepository extends JpaRepository<AnnualReview, UUID> {}
