import './home.css';

export const HomePage = () => (
  <main className="home">
    <h1>Baton</h1>
    <p>The AI answers what it safely can and hands everything else to a person, with the whole context.</p>
    <nav className="home-links" aria-label="Start">
      <a className="button" href="/chat">
        Open the customer chat
      </a>
      <a className="button secondary" href="/agent">
        Agent sign-in
      </a>
    </nav>
  </main>
);
