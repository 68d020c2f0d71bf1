export function App() {
  return <main>协商 Xieshang</main>;
}
