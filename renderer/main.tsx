import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { earlyAnswers, prefetchFirstScreen } from './prefetch';
import { Root } from './Root';
import './styles.css';

const FIRST_ANSWERS_WAIT_MS = 250;

prefetchFirstScreen();

// A moment's wait for the first answers (usually there by now: the door worked them out while this script loaded)
// lets the first render draw the first screen whole; a slow answer is drawn when it comes, as on any later screen.
void earlyAnswers(FIRST_ANSWERS_WAIT_MS).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
