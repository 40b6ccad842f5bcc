import Card from './Card.astro';
import Cloze from './Cloze.astro';
import C from './C.astro';
import Question from './Question.astro';
import Compare from './Compare.astro';
import Weak from './Weak.astro';
import Strong from './Strong.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';

/**
 * Every component a guide may use, passed to MDX so content files need no imports.
 * The deck builder knows the same names (Card, Cloze, C, Question).
 */
export const guideComponents = { Card, Cloze, C, Question, Compare, Weak, Strong, h2: H2, h3: H3 };
