import { Link, Navigate } from "react-router";
import { usePageTitle } from "../../components/usePageTitle";
import { useSession } from "../../session/store";

const FEATURES = [
  { title: "Judged for real", text: "Every submission runs in a gVisor sandbox against hidden tests, with the same limits an interviewer's judge would set." },
  { title: "Verdicts as they happen", text: "Watch each test pass or fail live. A failing sample shows its input, the expected output and yours." },
  { title: "Seven languages", text: "Python, C++, C, Java, Go, JavaScript and TypeScript, with a proper editor and your drafts kept per problem." },
  { title: "Know where you stand", text: "Progress by difficulty, your recent attempts and the next problem worth your time, on one dashboard." },
];

const DEMO_TESTS = ["AC", "AC", "AC", "AC", "WA", "AC", "AC", "TLE"] as const;

export default function LandingPage() {
  usePageTitle(undefined);
  const status = useSession((s) => s.status);
  if (status === "signedIn") return <Navigate to="/dashboard" replace />;
  return (
    <div className="landing">
      <section className="hero">
        <div className="hero-copy">
          <p className="eyebrow">Interview preparation for software engineers</p>
          <h1>
            Practise the interview.
            <br />
            <span className="accent-text">Get judged like it's real.</span>
          </h1>
          <p className="lead">
            Avantika is where you solve coding problems against a real judge, see every test's verdict the moment it lands, and track how ready you
            are — with AI and live mock interviews on the way.
          </p>
          <div className="row gap wrap">
            <Link to="/signup" className="btn btn-primary btn-lg">
              Sign up free
            </Link>
            <Link to="/problems" className="btn btn-ghost btn-lg">
              Browse problems
            </Link>
          </div>
        </div>
        <div className="hero-visual" aria-hidden="true">
          <div className="demo-window">
            <div className="demo-titlebar">
              <span />
              <span />
              <span />
              <em>pair_sum.py</em>
            </div>
            <pre className="demo-code">
              <span className="syn-k">from</span> collections <span className="syn-k">import</span> Counter{"\n"}
              {"\n"}
              n, k = <span className="syn-f">map</span>(<span className="syn-t">int</span>, <span className="syn-f">input</span>().split()){"\n"}
              seen, pairs = Counter(), <span className="syn-n">0</span>
              {"\n"}
              <span className="syn-k">for</span> a <span className="syn-k">in</span> <span className="syn-f">map</span>(<span className="syn-t">int</span>,{" "}
              <span className="syn-f">input</span>().split()):{"\n"}
              {"    "}pairs += seen[k - a]{"\n"}
              {"    "}seen[a] += <span className="syn-n">1</span>
              {"\n"}
              <span className="syn-f">print</span>(pairs)
            </pre>
            <div className="demo-tests">
              {DEMO_TESTS.map((verdict, i) => (
                <span key={i} className={`demo-test verdict-${verdict.toLowerCase()}`}>
                  {verdict}
                </span>
              ))}
            </div>
          </div>
        </div>
      </section>
      <section className="features" aria-label="What you get">
        {FEATURES.map((feature) => (
          <article key={feature.title} className="feature card">
            <h2>{feature.title}</h2>
            <p>{feature.text}</p>
          </article>
        ))}
      </section>
      <section className="cta-band">
        <h2>Your next interview is a problem away.</h2>
        <Link to="/signup" className="btn btn-primary btn-lg">
          Create your account
        </Link>
      </section>
    </div>
  );
}
