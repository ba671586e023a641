package occam.transformer.records;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import occam.io.EnumNames;
import occam.modular.Op;

/**
 * One setting of a training run, defined once: its name (the command-line option is {@code --name}),
 * its key in the run's JSON, its type, its default, the rule its value must satisfy and where a
 * {@link TrainingConfig} keeps it. {@link Settings} lists them all; the configuration's JSON form,
 * its builder and {@code occam train}'s options are all read from that list.
 *
 * @param <T> the value type: Integer, Long, Double, Boolean, {@link SnapshotSchedule}, {@link DecayChanges} or an
 *     enum ({@link Op}, {@link WarmupRule}) named by its lower-case constant
 */
public final class Setting<T> {
  private final String name;
  private final String key;
  private final Class<T> type;
  private final T defaultValue;
  private final String label;
  private final String description;
  private final Function<TrainingConfig, T> value;
  private final Predicate<T> allowed;
  private final String rule;

  private Setting(String name, String key, Class<T> type, T defaultValue, String label, String description,
      Function<TrainingConfig, T> value, Predicate<T> allowed, String rule) {
    this.name = name;
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.label = label;
    this.description = description;
    this.value = value;
    this.allowed = allowed;
    this.rule = rule;
  }

  /**
   * A setting with no rule of its own (its record checks it, e.g. {@link ModelConfig}).
   *
   * @param <T> value type
   * @param name option name without dashes, e.g. {@code d-model}
   * @param key JSON key, e.g. {@code d_model}
   * @param type value type
   * @param defaultValue SPEC §6's value
   * @param label the option's parameter label in the help, e.g. {@code D}
   * @param description one line of help
   * @param value where a configuration keeps it
   * @return the setting
   */
  static <T> Setting<T> of(String name, String key, Class<T> type, T defaultValue, String label, String description,
      Function<TrainingConfig, T> value) {
    return new Setting<>(name, key, type, defaultValue, label, description, value, v -> true, "");
  }

  /**
   * The same setting with a rule.
   *
   * @param test whether a value is allowed
   * @param what the rule in words, e.g. {@code it must be >= 0}
   * @return a new setting
   */
  Setting<T> rule(Predicate<T> test, String what) {
    return new Setting<>(name, key, type, defaultValue, label, description, value, test, what);
  }

  /** @return the option name without dashes ({@code --name} on the command line) */
  public String name() {
    return name;
  }

  /** @return the command-line option, {@code --name} */
  public String option() {
    return "--" + name;
  }

  /** @return the key in the configuration's JSON */
  public String key() {
    return key;
  }

  /** @return the value type */
  public Class<T> type() {
    return type;
  }

  /** @return SPEC §6's value (the {@code nanda} preset's) */
  public T defaultValue() {
    return defaultValue;
  }

  /** @return the parameter label for help texts */
  public String label() {
    return label;
  }

  /** @return one line of help */
  public String description() {
    return description;
  }

  /**
   * The value a configuration holds.
   *
   * @param config a configuration
   * @return its value of this setting
   */
  public T of(TrainingConfig config) {
    return value.apply(config);
  }

  /**
   * Checks a value against this setting's rule.
   *
   * @param v the value
   * @return v
   * @throws IllegalArgumentException naming the setting, the value and the rule, if v is not allowed
   */
  public T check(T v) {
    if (v == null || !allowed.test(v)) {
      throw new IllegalArgumentException(name + " = " + v + " is not allowed: " + rule);
    }
    return v;
  }

  /**
   * Reads a value from text (a command-line argument).
   *
   * @param text the text
   * @return the value
   * @throws IllegalArgumentException if the text is not a value of this type
   */
  public T parse(String text) {
    String t = text.strip();
    Object v;
    if (type == Integer.class) {
      v = Integer.valueOf(t);
    } else if (type == Long.class) {
      v = Long.valueOf(t);
    } else if (type == Double.class) {
      v = Double.valueOf(t);
    } else if (type == Boolean.class) {
      v = Boolean.valueOf(t);
    } else if (type == SnapshotSchedule.class) {
      v = SnapshotSchedule.parse(t);
    } else if (type == DecayChanges.class) {
      v = DecayChanges.parse(t);
    } else {
      v = constant(t);
    }
    return type.cast(v);
  }

  /** The enum constant of this setting's type named (in any case) by the text. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object constant(String text) {
    return EnumNames.parse((Class) type, text, name);
  }

  /**
   * The JSON form of a value: numbers and booleans as themselves, an enum constant (an operation, a
   * warm-up rule) by its lower-case name, a snapshot schedule or decay changes by their text ({@link
   * SnapshotSchedule#text()}, {@link DecayChanges#text()}).
   *
   * @param v the value
   * @return its JSON
   */
  public JsonElement toJson(T v) {
    if (v instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (v instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (v instanceof SnapshotSchedule s) {
      return new JsonPrimitive(s.text());
    }
    if (v instanceof DecayChanges d) {
      return new JsonPrimitive(d.text());
    }
    return new JsonPrimitive(((Enum<?>) v).name().toLowerCase(Locale.ROOT));
  }

  /**
   * Reads {@link #toJson}'s form.
   *
   * @param e the element
   * @return the value
   * @throws IllegalArgumentException if the element is missing or of another type
   */
  public T fromJson(JsonElement e) {
    if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
      throw new IllegalArgumentException("run configuration has no value for " + key);
    }
    Object v;
    if (type == Integer.class) {
      v = e.getAsInt();
    } else if (type == Long.class) {
      v = e.getAsLong();
    } else if (type == Double.class) {
      v = e.getAsDouble();
    } else if (type == Boolean.class) {
      v = e.getAsBoolean();
    } else if (type == SnapshotSchedule.class) {
      v = SnapshotSchedule.parse(e.getAsString());
    } else if (type == DecayChanges.class) {
      v = DecayChanges.parse(e.getAsString());
    } else {
      v = constant(e.getAsString());
    }
    return type.cast(v);
  }

  @Override
  public String toString() {
    return option();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Setting<?> s && s.key.equals(key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key);
  }
}
