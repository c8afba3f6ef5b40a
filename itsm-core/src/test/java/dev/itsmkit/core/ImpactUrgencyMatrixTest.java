package dev.itsmkit.core;

import static dev.itsmkit.core.CmdbGenerators.anyCells;
import static dev.itsmkit.core.CmdbGenerators.monotoneCells;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImpactUrgencyMatrixTest {
    private static final List<ImpactUrgencyMatrix> BUILT_IN = List.of(
            ImpactUrgencyMatrix.itil3x3(), ImpactUrgencyMatrix.itil4x4(), ImpactUrgencyMatrix.itil5x5());

    @Test
    void theBuiltInMatricesHaveTheirSizes() {
        assertThat(BUILT_IN).extracting(ImpactUrgencyMatrix::impactLevels).containsExactly(3, 4, 5);
        assertThat(BUILT_IN).extracting(ImpactUrgencyMatrix::urgencyLevels).containsExactly(3, 4, 5);
    }

    @Test
    void everyBuiltInMatrixIsTotal() {
        for (ImpactUrgencyMatrix matrix : BUILT_IN) {
            qt().forAll(integers().between(1, matrix.impactLevels()), integers().between(1, matrix.urgencyLevels()))
                    .checkAssert((i, u) -> assertThat(matrix.priorityOf(Impact.of(i), Urgency.of(u)).level())
                            .isBetween(1, Priority.MAX_LEVEL));
        }
    }

    @Test
    void inEveryBuiltInMatrixAHigherImpactOrUrgencyNeverGivesALowerPriority() {
        for (ImpactUrgencyMatrix matrix : BUILT_IN) {
            int n = matrix.impactLevels();
            qt().forAll(integers().between(1, n), integers().between(1, n), integers().between(1, n),
                    integers().between(1, n)).checkAssert((i, u, higherI, higherU) -> {
                        if (higherI <= i && higherU <= u) {
                            assertThat(matrix.priorityOf(Impact.of(higherI), Urgency.of(higherU)))
                                    .isLessThanOrEqualTo(matrix.priorityOf(Impact.of(i), Urgency.of(u)));
                        }
                    });
        }
    }

    @Test
    void theBuiltInMatricesGiveP1AtTheTopAndTheirLowestPriorityAtTheBottom() {
        assertThat(ImpactUrgencyMatrix.itil3x3().priorityOf(Impact.of(1), Urgency.of(1))).isEqualTo(Priority.of(1));
        assertThat(ImpactUrgencyMatrix.itil3x3().priorityOf(Impact.of(3), Urgency.of(3))).isEqualTo(Priority.of(5));
        assertThat(ImpactUrgencyMatrix.itil3x3().priorityOf(Impact.of(2), Urgency.of(1))).isEqualTo(Priority.of(2));
        assertThat(ImpactUrgencyMatrix.itil4x4().priorityOf(Impact.of(4), Urgency.of(4))).isEqualTo(Priority.of(4));
        assertThat(ImpactUrgencyMatrix.itil4x4().priorityOf(Impact.of(1), Urgency.of(2))).isEqualTo(Priority.of(1));
        assertThat(ImpactUrgencyMatrix.itil5x5().priorityOf(Impact.of(5), Urgency.of(5))).isEqualTo(Priority.of(5));
        assertThat(ImpactUrgencyMatrix.itil5x5().priorityOf(Impact.of(3), Urgency.of(3))).isEqualTo(Priority.of(3));
    }

    @Test
    void theBuiltInMatricesAreSymmetricInImpactAndUrgency() {
        for (ImpactUrgencyMatrix matrix : BUILT_IN) {
            List<List<Priority>> table = matrix.table();
            for (int i = 0; i < table.size(); i++) {
                for (int u = 0; u < table.size(); u++) {
                    assertThat(table.get(i).get(u)).isEqualTo(table.get(u).get(i));
                }
            }
        }
    }

    @Test
    void aCustomMatrixIsBuiltIfAndOnlyIfItIsMonotone() {
        qt().forAll(anyCells().mix(monotoneCells())).checkAssert(cells -> {
            if (isMonotone(cells)) {
                ImpactUrgencyMatrix matrix = cells.toBuilder().build();
                for (int i = 1; i <= cells.impactLevels(); i++) {
                    for (int u = 1; u <= cells.urgencyLevels(); u++) {
                        assertThat(matrix.priorityOf(Impact.of(i), Urgency.of(u)).level())
                                .isEqualTo(cells.priorities()[i - 1][u - 1]);
                    }
                }
            } else {
                assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> cells.toBuilder().build())
                        .satisfies(e -> assertThat(e.violations()).isNotEmpty()
                                .allSatisfy(v -> assertThat(v.message()).contains("must be monotone")));
            }
        });
    }

    @Test
    void everyMonotoneMatrixIsBuilt() {
        qt().forAll(monotoneCells()).checkAssert(cells -> assertThat(cells.toBuilder().build().impactLevels())
                .isEqualTo(cells.impactLevels()));
    }

    /** The definition, over every pair of cells, not only neighbours as the builder checks. */
    private static boolean isMonotone(CmdbGenerators.Cells cells) {
        int[][] p = cells.priorities();
        for (int i = 0; i < cells.impactLevels(); i++) {
            for (int u = 0; u < cells.urgencyLevels(); u++) {
                for (int lowerI = i; lowerI < cells.impactLevels(); lowerI++) {
                    for (int lowerU = u; lowerU < cells.urgencyLevels(); lowerU++) {
                        if (p[i][u] > p[lowerI][lowerU]) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    @Test
    void aNonMonotoneMatrixIsRefusedNamingTheOffendingCell() {
        ImpactUrgencyMatrix.Builder builder = ImpactUrgencyMatrix.builder(2, 2).row(1, 1, 2).row(2, 3, 1);
        assertThatExceptionOfType(ValidationException.class).isThrownBy(builder::build)
                .satisfies(e -> {
                    assertThat(e.subject()).isEqualTo("impact/urgency matrix 2x2");
                    assertThat(e.violations()).containsExactly(new Violation("impact[1].urgency[2]", "P2",
                            "is a lower priority than P1 at impact 2, urgency 2; the matrix must be monotone:"
                                    + " raising the impact (impact 1, urgency 2 instead of impact 2, urgency 2)"
                                    + " must never lower the priority"),
                            new Violation("impact[2].urgency[1]", "P3",
                                    "is a lower priority than P1 at impact 2, urgency 2; the matrix must be monotone:"
                                            + " raising the urgency (impact 2, urgency 1 instead of impact 2, urgency 2)"
                                            + " must never lower the priority"));
                });
    }

    @Test
    void aMatrixWithAnEmptyCellIsRefusedNamingEveryEmptyCell() {
        ImpactUrgencyMatrix.Builder builder = ImpactUrgencyMatrix.builder(2, 3).row(1, 1, 2, 3)
                .priority(Impact.of(2), Urgency.of(2), Priority.of(4));
        assertThatExceptionOfType(ValidationException.class).isThrownBy(builder::build)
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path)
                        .containsExactly("impact[2].urgency[1]", "impact[2].urgency[3]"))
                .withMessageContaining("has no priority; the matrix must be total");
    }

    @Test
    void aLevelOutsideTheMatrixIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ImpactUrgencyMatrix.itil3x3().priorityOf(Impact.of(4), Urgency.of(1)))
                .withMessageContaining("impact level 4 is outside this 3x3 matrix; the allowed impact levels are 1 to 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ImpactUrgencyMatrix.itil4x4().priorityOf(Impact.of(1), Urgency.of(5)))
                .withMessageContaining("urgency level 5 is outside this 4x4 matrix");
        assertThatIllegalArgumentException().isThrownBy(() -> ImpactUrgencyMatrix.builder(0, 3))
                .withMessageContaining("got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> ImpactUrgencyMatrix.builder(3, 3).row(1, 1, 2))
                .withMessageContaining("needs 3 priorities");
    }

    @Test
    void aMatrixDerivedThroughItsBuilderChangesOnlyTheCellsSet() {
        ImpactUrgencyMatrix changed = ImpactUrgencyMatrix.itil3x3().toBuilder()
                .priority(Impact.of(3), Urgency.of(3), Priority.of(4)).build();
        assertThat(changed.priorityOf(Impact.of(3), Urgency.of(3))).isEqualTo(Priority.of(4));
        assertThat(changed).isNotEqualTo(ImpactUrgencyMatrix.itil3x3());
        assertThat(ImpactUrgencyMatrix.itil3x3().toBuilder().build()).isEqualTo(ImpactUrgencyMatrix.itil3x3())
                .hasSameHashCodeAs(ImpactUrgencyMatrix.itil3x3());
        assertThat(ImpactUrgencyMatrix.itil3x3())
                .hasToString("ImpactUrgencyMatrix 3x3 [[P1, P2, P3], [P2, P3, P4], [P3, P4, P5]]");
    }

    @Test
    void aDerivedPriorityIsEffectiveUntilItIsOverridden() {
        PriorityDecision derived = PriorityDecision.derive(ImpactUrgencyMatrix.itil3x3(), Impact.of(2), Urgency.of(3));
        assertThat(derived.effective()).isEqualTo(Priority.of(4));
        assertThat(derived.isOverridden()).isFalse();

        PriorityDecision overridden = derived.overriddenTo(Priority.of(1), "the CEO's laptop");
        assertThat(overridden.effective()).isEqualTo(Priority.of(1));
        assertThat(overridden.derived()).isEqualTo(Priority.of(4));
        assertThat(overridden.reason()).contains("the CEO's laptop");
        assertThat(overridden).hasToString("P1 (overridden from P4: \"the CEO's laptop\")");
        assertThat(overridden.withoutOverride()).isEqualTo(derived);
    }

    @Test
    void anOverrideSurvivesANewDerivationUntilItIsWithdrawn() {
        PriorityDecision overridden = PriorityDecision.derived(Priority.of(3)).overriddenTo(Priority.of(2), "pinned");
        PriorityDecision rederived = overridden.withDerived(Priority.of(5));
        assertThat(rederived.effective()).isEqualTo(Priority.of(2));
        assertThat(rederived.derived()).isEqualTo(Priority.of(5));
        assertThat(rederived.withoutOverride().effective()).isEqualTo(Priority.of(5));
    }

    @Test
    void anOverrideWithoutAReasonOrAReasonWithoutAnOverrideIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PriorityDecision.derived(Priority.of(3))
                .overriddenTo(Priority.of(1), "  ")).withMessageContaining("must be a non-blank text");
        assertThatIllegalArgumentException().isThrownBy(() -> new PriorityDecision(Priority.of(3),
                Optional.of(Priority.of(1)), Optional.empty())).withMessage("an override of the priority to P1 needs a reason");
        assertThatIllegalArgumentException().isThrownBy(() -> new PriorityDecision(Priority.of(3),
                Optional.empty(), Optional.of("why"))).withMessageContaining("a reason is given without an override");
        assertThatIllegalArgumentException().isThrownBy(() -> PriorityDecision.derived(Priority.of(3))
                .overriddenTo(Priority.of(1), "x".repeat(PriorityDecision.MAX_REASON_LENGTH + 1)))
                .withMessageContaining("got 1001 characters");
    }
}
