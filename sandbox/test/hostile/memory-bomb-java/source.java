import java.util.ArrayList;
import java.util.List;

public class Main {
  public static void main(String[] args) {
    List<long[]> hog = new ArrayList<>();
    while (true) hog.add(new long[1 << 17]);
  }
}
