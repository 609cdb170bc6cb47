export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      addresses: {
        Row: {
          id: string
          lat: number
          locality: string | null
          lon: number
          match_key: string | null
          municipality_number: string
          place: string
          postcode: string
          street: string
        }
        Insert: {
          id: string
          lat: number
          locality?: string | null
          lon: number
          match_key?: never
          municipality_number: string
          place: string
          postcode: string
          street: string
        }
        Update: {
          id?: string
          lat?: number
          locality?: string | null
          lon?: number
          match_key?: never
          municipality_number?: string
          place?: string
          postcode?: string
          street?: string
        }
        Relationships: []
      }
      audit_log: {
        Row: {
          action: string
          actor_id: string | null
          after: Json | null
          at: string
          before: Json | null
          entity: string
          entity_id: string
          id: number
        }
        Insert: {
          action: string
          actor_id?: string | null
          after?: Json | null
          at?: string
          before?: Json | null
          entity: string
          entity_id: string
          id?: never
        }
        Update: {
          action?: string
          actor_id?: string | null
          after?: Json | null
          at?: string
          before?: Json | null
          entity?: string
          entity_id?: string
          id?: never
        }
        Relationships: [
          {
            foreignKeyName: "audit_log_actor_id_fkey"
            columns: ["actor_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      availability_checks: {
        Row: {
          answer: boolean | null
          answered_at: string | null
          dwelling_id: string
          expires_at: string
          id: string
          secret_hash: string
          sent_at: string
        }
        Insert: {
          answer?: boolean | null
          answered_at?: string | null
          dwelling_id: string
          expires_at: string
          id: string
          secret_hash: string
          sent_at?: string
        }
        Update: {
          answer?: boolean | null
          answered_at?: string | null
          dwelling_id?: string
          expires_at?: string
          id?: string
          secret_hash?: string
          sent_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "availability_checks_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwelling_flags"
            referencedColumns: ["dwelling_id"]
          },
          {
            foreignKeyName: "availability_checks_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwelling_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "availability_checks_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwellings"
            referencedColumns: ["id"]
          },
        ]
      }
      bus_departures: {
        Row: {
          minute: number
          reaches_hub: boolean
          stop_id: string
          trip_id: string
        }
        Insert: {
          minute: number
          reaches_hub: boolean
          stop_id: string
          trip_id: string
        }
        Update: {
          minute?: number
          reaches_hub?: boolean
          stop_id?: string
          trip_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "bus_departures_stop_id_fkey"
            columns: ["stop_id"]
            isOneToOne: false
            referencedRelation: "bus_stops"
            referencedColumns: ["id"]
          },
        ]
      }
      bus_feed: {
        Row: {
          departures: number
          file_name: string
          hub_name: string | null
          hub_stop_id: string | null
          id: boolean
          imported_at: string
          service_date: string
          stops: number
        }
        Insert: {
          departures: number
          file_name: string
          hub_name?: string | null
          hub_stop_id?: string | null
          id?: boolean
          imported_at?: string
          service_date: string
          stops: number
        }
        Update: {
          departures?: number
          file_name?: string
          hub_name?: string | null
          hub_stop_id?: string | null
          id?: boolean
          imported_at?: string
          service_date?: string
          stops?: number
        }
        Relationships: []
      }
      bus_stops: {
        Row: {
          departures: number
          first_departure: number | null
          hub_departures: number
          id: string
          last_departure: number | null
          lat: number
          lon: number
          name: string
        }
        Insert: {
          departures: number
          first_departure?: number | null
          hub_departures: number
          id: string
          last_departure?: number | null
          lat: number
          lon: number
          name: string
        }
        Update: {
          departures?: number
          first_departure?: number | null
          hub_departures?: number
          id?: string
          last_departure?: number | null
          lat?: number
          lon?: number
          name?: string
        }
        Relationships: []
      }
      calendar_feeds: {
        Row: {
          created_at: string
          id: string
          secret_hash: string
          user_id: string
        }
        Insert: {
          created_at?: string
          id: string
          secret_hash: string
          user_id: string
        }
        Update: {
          created_at?: string
          id?: string
          secret_hash?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "calendar_feeds_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      districts: {
        Row: {
          boundary: Json | null
          id: string
          kindergarten_places: number
          lower_secondary_places: number
          max_lat: number | null
          max_lon: number | null
          min_lat: number | null
          min_lon: number | null
          name: string
          primary_school_places: number
          updated_at: string
        }
        Insert: {
          boundary?: Json | null
          id?: string
          kindergarten_places?: number
          lower_secondary_places?: number
          max_lat?: number | null
          max_lon?: number | null
          min_lat?: number | null
          min_lon?: number | null
          name: string
          primary_school_places?: number
          updated_at?: string
        }
        Update: {
          boundary?: Json | null
          id?: string
          kindergarten_places?: number
          lower_secondary_places?: number
          max_lat?: number | null
          max_lon?: number | null
          min_lat?: number | null
          min_lon?: number | null
          name?: string
          primary_school_places?: number
          updated_at?: string
        }
        Relationships: []
      }
      dwelling_bus_access: {
        Row: {
          computed_at: string
          departures_1000: number
          departures_500: number
          dwelling_id: string
          first_departure: number | null
          frequent_walk_m: number | null
          hub_departures_1000: number
          last_departure: number | null
          nearest_departures: number | null
          nearest_stop_id: string | null
          nearest_stop_name: string | null
          nearest_walk_m: number | null
        }
        Insert: {
          computed_at?: string
          departures_1000: number
          departures_500: number
          dwelling_id: string
          first_departure?: number | null
          frequent_walk_m?: number | null
          hub_departures_1000: number
          last_departure?: number | null
          nearest_departures?: number | null
          nearest_stop_id?: string | null
          nearest_stop_name?: string | null
          nearest_walk_m?: number | null
        }
        Update: {
          computed_at?: string
          departures_1000?: number
          departures_500?: number
          dwelling_id?: string
          first_departure?: number | null
          frequent_walk_m?: number | null
          hub_departures_1000?: number
          last_departure?: number | null
          nearest_departures?: number | null
          nearest_stop_id?: string | null
          nearest_stop_name?: string | null
          nearest_walk_m?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "dwelling_bus_access_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: true
            referencedRelation: "dwelling_flags"
            referencedColumns: ["dwelling_id"]
          },
          {
            foreignKeyName: "dwelling_bus_access_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: true
            referencedRelation: "dwelling_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "dwelling_bus_access_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: true
            referencedRelation: "dwellings"
            referencedColumns: ["id"]
          },
        ]
      }
      dwelling_photos: {
        Row: {
          added_by: string | null
          by_staff: boolean
          caption: string
          created_at: string
          dwelling_id: string
          height: number
          id: string
          inspection_id: string | null
          position: number
          width: number
        }
        Insert: {
          added_by?: string | null
          by_staff?: boolean
          caption?: string
          created_at?: string
          dwelling_id: string
          height: number
          id: string
          inspection_id?: string | null
          position: number
          width: number
        }
        Update: {
          added_by?: string | null
          by_staff?: boolean
          caption?: string
          created_at?: string
          dwelling_id?: string
          height?: number
          id?: string
          inspection_id?: string | null
          position?: number
          width?: number
        }
        Relationships: [
          {
            foreignKeyName: "dwelling_photos_added_by_fkey"
            columns: ["added_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "dwelling_photos_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwelling_flags"
            referencedColumns: ["dwelling_id"]
          },
          {
            foreignKeyName: "dwelling_photos_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwelling_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "dwelling_photos_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwellings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "dwelling_photos_inspection_id_fkey"
            columns: ["inspection_id"]
            isOneToOne: false
            referencedRelation: "inspections"
            referencedColumns: ["id"]
          },
        ]
      }
      dwellings: {
        Row: {
          address_id: string | null
          approved_terms: Json | null
          available_from: string | null
          available_until: string | null
          bedrooms: number | null
          beds: number | null
          bus_departures_per_weekday: number | null
          bus_stop_distance_m: number | null
          confirmed_available_at: string | null
          created_at: string
          deposit_nok: number | null
          description: string
          district_id: string | null
          district_reason: string | null
          fire_safety_confirmed: boolean
          floor: number | null
          furnished: Database["public"]["Enums"]["furnishing"]
          id: string
          inspection_date: string | null
          landlord_id: string | null
          lat: number | null
          lift: boolean
          locality: string | null
          lon: number | null
          max_occupants: number | null
          min_lease_months: number | null
          pets_allowed: boolean
          place: string | null
          placed_by: string | null
          postcode: string | null
          rent_includes_electricity: boolean
          rent_includes_internet: boolean
          rent_nok: number | null
          review_message: string
          reviewed_at: string | null
          reviewed_by: string | null
          size_m2: number | null
          smoking_allowed: boolean
          staff_note: string
          status: Database["public"]["Enums"]["dwelling_status"]
          step_free: boolean
          street: string | null
          submitted_at: string | null
          updated_at: string
          dwelling_terms: Json | null
          inspection_to_mend: Json | null
          landlord_actions:
            | Database["public"]["Enums"]["dwelling_action"][]
            | null
        }
        Insert: {
          address_id?: string | null
          approved_terms?: Json | null
          available_from?: string | null
          available_until?: string | null
          bedrooms?: number | null
          beds?: number | null
          bus_departures_per_weekday?: number | null
          bus_stop_distance_m?: number | null
          confirmed_available_at?: string | null
          created_at?: string
          deposit_nok?: number | null
          description?: string
          district_id?: string | null
          district_reason?: string | null
          fire_safety_confirmed?: boolean
          floor?: number | null
          furnished?: Database["public"]["Enums"]["furnishing"]
          id?: string
          inspection_date?: string | null
          landlord_id?: string | null
          lat?: number | null
          lift?: boolean
          locality?: string | null
          lon?: number | null
          max_occupants?: number | null
          min_lease_months?: number | null
          pets_allowed?: boolean
          place?: string | null
          placed_by?: string | null
          postcode?: string | null
          rent_includes_electricity?: boolean
          rent_includes_internet?: boolean
          rent_nok?: number | null
          review_message?: string
          reviewed_at?: string | null
          reviewed_by?: string | null
          size_m2?: number | null
          smoking_allowed?: boolean
          staff_note?: string
          status?: Database["public"]["Enums"]["dwelling_status"]
          step_free?: boolean
          street?: string | null
          submitted_at?: string | null
          updated_at?: string
        }
        Update: {
          address_id?: string | null
          approved_terms?: Json | null
          available_from?: string | null
          available_until?: string | null
          bedrooms?: number | null
          beds?: number | null
          bus_departures_per_weekday?: number | null
          bus_stop_distance_m?: number | null
          confirmed_available_at?: string | null
          created_at?: string
          deposit_nok?: number | null
          description?: string
          district_id?: string | null
          district_reason?: string | null
          fire_safety_confirmed?: boolean
          floor?: number | null
          furnished?: Database["public"]["Enums"]["furnishing"]
          id?: string
          inspection_date?: string | null
          landlord_id?: string | null
          lat?: number | null
          lift?: boolean
          locality?: string | null
          lon?: number | null
          max_occupants?: number | null
          min_lease_months?: number | null
          pets_allowed?: boolean
          place?: string | null
          placed_by?: string | null
          postcode?: string | null
          rent_includes_electricity?: boolean
          rent_includes_internet?: boolean
          rent_nok?: number | null
          review_message?: string
          reviewed_at?: string | null
          reviewed_by?: string | null
          size_m2?: number | null
          smoking_allowed?: boolean
          staff_note?: string
          status?: Database["public"]["Enums"]["dwelling_status"]
          step_free?: boolean
          street?: string | null
          submitted_at?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "dwellings_address_id_fkey"
            columns: ["address_id"]
            isOneToOne: false
            referencedRelation: "addresses"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "dwellings_district_id_fkey"
            columns: ["district_id"]
            isOneToOne: false
            referencedRelation: "districts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "dwellings_landlord_id_fkey"
            columns: ["landlord_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "dwellings_reviewed_by_fkey"
            columns: ["reviewed_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      email_tokens: {
        Row: {
          created_at: string
          expires_at: string
          id: string
          new_email: string | null
          purpose: Database["public"]["Enums"]["email_token_purpose"]
          secret_hash: string
          used_at: string | null
          user_id: string
        }
        Insert: {
          created_at?: string
          expires_at: string
          id: string
          new_email?: string | null
          purpose: Database["public"]["Enums"]["email_token_purpose"]
          secret_hash: string
          used_at?: string | null
          user_id: string
        }
        Update: {
          created_at?: string
          expires_at?: string
          id?: string
          new_email?: string | null
          purpose?: Database["public"]["Enums"]["email_token_purpose"]
          secret_hash?: string
          used_at?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "email_tokens_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      follow_up_steps: {
        Row: {
          created_at: string
          due_days: number
          id: string
          name: string
          position: number
          retired_at: string | null
        }
        Insert: {
          created_at?: string
          due_days: number
          id?: string
          name: string
          position: number
          retired_at?: string | null
        }
        Update: {
          created_at?: string
          due_days?: number
          id?: string
          name?: string
          position?: number
          retired_at?: string | null
        }
        Relationships: []
      }
      grant_rates: {
        Row: {
          child_extra: number
          elderly_extra: number
          example: boolean
          unaccompanied_extra: number
          updated_at: string
          year: number
          year_1: number
          year_2: number
          year_3: number
          year_4: number
          year_5: number
        }
        Insert: {
          child_extra?: number
          elderly_extra?: number
          example?: boolean
          unaccompanied_extra?: number
          updated_at?: string
          year: number
          year_1: number
          year_2: number
          year_3: number
          year_4: number
          year_5: number
        }
        Update: {
          child_extra?: number
          elderly_extra?: number
          example?: boolean
          unaccompanied_extra?: number
          updated_at?: string
          year?: number
          year_1?: number
          year_2?: number
          year_3?: number
          year_4?: number
          year_5?: number
        }
        Relationships: []
      }
      household_follow_ups: {
        Row: {
          done_at: string
          done_by: string | null
          done_on: string
          household_id: string
          note: string
          step_id: string
        }
        Insert: {
          done_at?: string
          done_by?: string | null
          done_on: string
          household_id: string
          note?: string
          step_id: string
        }
        Update: {
          done_at?: string
          done_by?: string | null
          done_on?: string
          household_id?: string
          note?: string
          step_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "household_follow_ups_done_by_fkey"
            columns: ["done_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "household_follow_ups_household_id_fkey"
            columns: ["household_id"]
            isOneToOne: false
            referencedRelation: "household_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "household_follow_ups_household_id_fkey"
            columns: ["household_id"]
            isOneToOne: false
            referencedRelation: "households"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "household_follow_ups_step_id_fkey"
            columns: ["step_id"]
            isOneToOne: false
            referencedRelation: "follow_up_steps"
            referencedColumns: ["id"]
          },
        ]
      }
      household_members: {
        Row: {
          age: number | null
          age_band: Database["public"]["Enums"]["age_band"]
          first_name: string
          household_id: string
          id: string
          relation: string
        }
        Insert: {
          age?: number | null
          age_band: Database["public"]["Enums"]["age_band"]
          first_name?: string
          household_id: string
          id?: string
          relation?: string
        }
        Update: {
          age?: number | null
          age_band?: Database["public"]["Enums"]["age_band"]
          first_name?: string
          household_id?: string
          id?: string
          relation?: string
        }
        Relationships: [
          {
            foreignKeyName: "household_members_household_id_fkey"
            columns: ["household_id"]
            isOneToOne: false
            referencedRelation: "household_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "household_members_household_id_fkey"
            columns: ["household_id"]
            isOneToOne: false
            referencedRelation: "households"
            referencedColumns: ["id"]
          },
        ]
      }
      households: {
        Row: {
          anonymised_at: string | null
          cancelled_on: string | null
          caseworker_id: string | null
          category: Database["public"]["Enums"]["household_category"]
          contact_name: string
          contact_phone: string
          created_at: string
          expected_arrival: string | null
          has_pets: boolean
          id: string
          imdi_reference: string
          interpreter_language: string
          interpreter_need: Database["public"]["Enums"]["interpreter_need"]
          languages: string[]
          needs_departures: number | null
          needs_ground_floor: boolean
          needs_near_health_centre: boolean
          needs_step_free: boolean
          preferred_localities: string[]
          settled_on: string | null
          staff_note: string
          status: Database["public"]["Enums"]["household_status"]
          updated_at: string
        }
        Insert: {
          anonymised_at?: string | null
          cancelled_on?: string | null
          caseworker_id?: string | null
          category: Database["public"]["Enums"]["household_category"]
          contact_name?: string
          contact_phone?: string
          created_at?: string
          expected_arrival?: string | null
          has_pets?: boolean
          id?: string
          imdi_reference: string
          interpreter_language?: string
          interpreter_need?: Database["public"]["Enums"]["interpreter_need"]
          languages?: string[]
          needs_departures?: number | null
          needs_ground_floor?: boolean
          needs_near_health_centre?: boolean
          needs_step_free?: boolean
          preferred_localities?: string[]
          settled_on?: string | null
          staff_note?: string
          status?: Database["public"]["Enums"]["household_status"]
          updated_at?: string
        }
        Update: {
          anonymised_at?: string | null
          cancelled_on?: string | null
          caseworker_id?: string | null
          category?: Database["public"]["Enums"]["household_category"]
          contact_name?: string
          contact_phone?: string
          created_at?: string
          expected_arrival?: string | null
          has_pets?: boolean
          id?: string
          imdi_reference?: string
          interpreter_language?: string
          interpreter_need?: Database["public"]["Enums"]["interpreter_need"]
          languages?: string[]
          needs_departures?: number | null
          needs_ground_floor?: boolean
          needs_near_health_centre?: boolean
          needs_step_free?: boolean
          preferred_localities?: string[]
          settled_on?: string | null
          staff_note?: string
          status?: Database["public"]["Enums"]["household_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "households_caseworker_id_fkey"
            columns: ["caseworker_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      inspection_findings: {
        Row: {
          inspection_id: string
          item: Database["public"]["Enums"]["inspection_item"]
          note: string
          result: Database["public"]["Enums"]["inspection_result"]
        }
        Insert: {
          inspection_id: string
          item: Database["public"]["Enums"]["inspection_item"]
          note?: string
          result: Database["public"]["Enums"]["inspection_result"]
        }
        Update: {
          inspection_id?: string
          item?: Database["public"]["Enums"]["inspection_item"]
          note?: string
          result?: Database["public"]["Enums"]["inspection_result"]
        }
        Relationships: [
          {
            foreignKeyName: "inspection_findings_inspection_id_fkey"
            columns: ["inspection_id"]
            isOneToOne: false
            referencedRelation: "inspections"
            referencedColumns: ["id"]
          },
        ]
      }
      inspections: {
        Row: {
          created_at: string
          dwelling_id: string
          id: string
          inspected_on: string
          inspector_id: string | null
          passed: boolean
          remarks: string
        }
        Insert: {
          created_at?: string
          dwelling_id: string
          id?: string
          inspected_on: string
          inspector_id?: string | null
          passed: boolean
          remarks?: string
        }
        Update: {
          created_at?: string
          dwelling_id?: string
          id?: string
          inspected_on?: string
          inspector_id?: string | null
          passed?: boolean
          remarks?: string
        }
        Relationships: [
          {
            foreignKeyName: "inspections_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwelling_flags"
            referencedColumns: ["dwelling_id"]
          },
          {
            foreignKeyName: "inspections_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwelling_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inspections_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwellings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inspections_inspector_id_fkey"
            columns: ["inspector_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      known_addresses: {
        Row: {
          address_hash: string
          last_login_at: string
          user_id: string
        }
        Insert: {
          address_hash: string
          last_login_at?: string
          user_id: string
        }
        Update: {
          address_hash?: string
          last_login_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "known_addresses_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      leases: {
        Row: {
          deposit_nok: number
          deposit_payer: Database["public"]["Enums"]["deposit_payer"]
          ends_on: string | null
          guarantee_until: string | null
          match_id: string
          move_in_on: string
          recorded_by: string | null
          rent_nok: number
          starts_on: string
          updated_at: string
        }
        Insert: {
          deposit_nok: number
          deposit_payer: Database["public"]["Enums"]["deposit_payer"]
          ends_on?: string | null
          guarantee_until?: string | null
          match_id: string
          move_in_on: string
          recorded_by?: string | null
          rent_nok: number
          starts_on: string
          updated_at?: string
        }
        Update: {
          deposit_nok?: number
          deposit_payer?: Database["public"]["Enums"]["deposit_payer"]
          ends_on?: string | null
          guarantee_until?: string | null
          match_id?: string
          move_in_on?: string
          recorded_by?: string | null
          rent_nok?: number
          starts_on?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "leases_match_id_fkey"
            columns: ["match_id"]
            isOneToOne: true
            referencedRelation: "matches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "leases_recorded_by_fkey"
            columns: ["recorded_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      localities: {
        Row: {
          name: string
          near_health_centre: boolean
          updated_at: string
        }
        Insert: {
          name: string
          near_health_centre?: boolean
          updated_at?: string
        }
        Update: {
          name?: string
          near_health_centre?: boolean
          updated_at?: string
        }
        Relationships: []
      }
      mail_opt_outs: {
        Row: {
          category: string
          created_at: string
          email: string
        }
        Insert: {
          category: string
          created_at?: string
          email: string
        }
        Update: {
          category?: string
          created_at?: string
          email?: string
        }
        Relationships: []
      }
      matches: {
        Row: {
          created_at: string
          decided_at: string | null
          decline_reason: string
          dwelling_id: string
          household_id: string
          id: string
          proposed_by: string | null
          reasons: NonNullable<Json>
          reopened_at: string | null
          reopened_by: string | null
          score: number
          status: Database["public"]["Enums"]["match_status"]
        }
        Insert: {
          created_at?: string
          decided_at?: string | null
          decline_reason?: string
          dwelling_id: string
          household_id: string
          id?: string
          proposed_by?: string | null
          reasons?: NonNullable<Json>
          reopened_at?: string | null
          reopened_by?: string | null
          score?: number
          status?: Database["public"]["Enums"]["match_status"]
        }
        Update: {
          created_at?: string
          decided_at?: string | null
          decline_reason?: string
          dwelling_id?: string
          household_id?: string
          id?: string
          proposed_by?: string | null
          reasons?: NonNullable<Json>
          reopened_at?: string | null
          reopened_by?: string | null
          score?: number
          status?: Database["public"]["Enums"]["match_status"]
        }
        Relationships: [
          {
            foreignKeyName: "matches_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwelling_flags"
            referencedColumns: ["dwelling_id"]
          },
          {
            foreignKeyName: "matches_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwelling_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "matches_dwelling_id_fkey"
            columns: ["dwelling_id"]
            isOneToOne: false
            referencedRelation: "dwellings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "matches_household_id_fkey"
            columns: ["household_id"]
            isOneToOne: false
            referencedRelation: "household_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "matches_household_id_fkey"
            columns: ["household_id"]
            isOneToOne: false
            referencedRelation: "households"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "matches_proposed_by_fkey"
            columns: ["proposed_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "matches_reopened_by_fkey"
            columns: ["reopened_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      municipality_settings: {
        Row: {
          approval_needs_inspection: boolean
          contact_address: string | null
          contact_email: string | null
          contact_phone: string | null
          crowded_margin: number
          id: boolean
          matching_weights: Json | null
          name: string
          proposal_wait_days: number
          rent_cap_nok: number | null
          retention_months: number
          updated_at: string
        }
        Insert: {
          approval_needs_inspection?: boolean
          contact_address?: string | null
          contact_email?: string | null
          contact_phone?: string | null
          crowded_margin?: number
          id?: boolean
          matching_weights?: Json | null
          name: string
          proposal_wait_days?: number
          rent_cap_nok?: number | null
          retention_months?: number
          updated_at?: string
        }
        Update: {
          approval_needs_inspection?: boolean
          contact_address?: string | null
          contact_email?: string | null
          contact_phone?: string | null
          crowded_margin?: number
          id?: boolean
          matching_weights?: Json | null
          name?: string
          proposal_wait_days?: number
          rent_cap_nok?: number | null
          retention_months?: number
          updated_at?: string
        }
        Relationships: []
      }
      notifications: {
        Row: {
          about_household_id: string | null
          about_user_id: string | null
          attempts: number
          category: string | null
          created_at: string
          id: string
          idempotency_key: string
          last_error: string | null
          locale: Database["public"]["Enums"]["app_locale"]
          locked_by: string | null
          locked_until: string | null
          next_attempt_at: string
          payload: NonNullable<Json>
          recipient: string
          redact_on_send: boolean
          sent_at: string | null
          status: Database["public"]["Enums"]["notification_status"]
          template: string
          user_id: string | null
        }
        Insert: {
          about_household_id?: string | null
          about_user_id?: string | null
          attempts?: number
          category?: string | null
          created_at?: string
          id?: string
          idempotency_key: string
          last_error?: string | null
          locale?: Database["public"]["Enums"]["app_locale"]
          locked_by?: string | null
          locked_until?: string | null
          next_attempt_at?: string
          payload?: NonNullable<Json>
          recipient: string
          redact_on_send?: boolean
          sent_at?: string | null
          status?: Database["public"]["Enums"]["notification_status"]
          template: string
          user_id?: string | null
        }
        Update: {
          about_household_id?: string | null
          about_user_id?: string | null
          attempts?: number
          category?: string | null
          created_at?: string
          id?: string
          idempotency_key?: string
          last_error?: string | null
          locale?: Database["public"]["Enums"]["app_locale"]
          locked_by?: string | null
          locked_until?: string | null
          next_attempt_at?: string
          payload?: NonNullable<Json>
          recipient?: string
          redact_on_send?: boolean
          sent_at?: string | null
          status?: Database["public"]["Enums"]["notification_status"]
          template?: string
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "notifications_about_household_id_fkey"
            columns: ["about_household_id"]
            isOneToOne: false
            referencedRelation: "household_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_about_household_id_fkey"
            columns: ["about_household_id"]
            isOneToOne: false
            referencedRelation: "households"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_about_user_id_fkey"
            columns: ["about_user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      page_texts: {
        Row: {
          body: string
          locale: Database["public"]["Enums"]["app_locale"]
          page: string
          updated_at: string
        }
        Insert: {
          body: string
          locale: Database["public"]["Enums"]["app_locale"]
          page: string
          updated_at?: string
        }
        Update: {
          body?: string
          locale?: Database["public"]["Enums"]["app_locale"]
          page?: string
          updated_at?: string
        }
        Relationships: []
      }
      rate_limit_events: {
        Row: {
          at: string
          id: number
          key: string
        }
        Insert: {
          at?: string
          id?: never
          key: string
        }
        Update: {
          at?: string
          id?: never
          key?: string
        }
        Relationships: []
      }
      rent_caps: {
        Row: {
          max_rent_nok: number
          persons: number
          updated_at: string
        }
        Insert: {
          max_rent_nok: number
          persons: number
          updated_at?: string
        }
        Update: {
          max_rent_nok?: number
          persons?: number
          updated_at?: string
        }
        Relationships: []
      }
      sessions: {
        Row: {
          created_at: string
          expires_at: string
          id: string
          last_verified_at: string
          secret_hash: string
          user_id: string
        }
        Insert: {
          created_at?: string
          expires_at: string
          id: string
          last_verified_at?: string
          secret_hash: string
          user_id: string
        }
        Update: {
          created_at?: string
          expires_at?: string
          id?: string
          last_verified_at?: string
          secret_hash?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "sessions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      signups: {
        Row: {
          created_at: string
          hours: number | null
          hours_approved_at: string | null
          hours_approved_by: string | null
          hours_note: string
          hours_reported: number | null
          hours_review: Database["public"]["Enums"]["hours_review"] | null
          id: string
          joined_at: string
          no_show_at: string | null
          no_show_by: string | null
          status: Database["public"]["Enums"]["signup_status"]
          task_id: string
          volunteer_id: string
        }
        Insert: {
          created_at?: string
          hours?: number | null
          hours_approved_at?: string | null
          hours_approved_by?: string | null
          hours_note?: string
          hours_reported?: number | null
          hours_review?: Database["public"]["Enums"]["hours_review"] | null
          id?: string
          joined_at?: string
          no_show_at?: string | null
          no_show_by?: string | null
          status?: Database["public"]["Enums"]["signup_status"]
          task_id: string
          volunteer_id: string
        }
        Update: {
          created_at?: string
          hours?: number | null
          hours_approved_at?: string | null
          hours_approved_by?: string | null
          hours_note?: string
          hours_reported?: number | null
          hours_review?: Database["public"]["Enums"]["hours_review"] | null
          id?: string
          joined_at?: string
          no_show_at?: string | null
          no_show_by?: string | null
          status?: Database["public"]["Enums"]["signup_status"]
          task_id?: string
          volunteer_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "signups_hours_approved_by_fkey"
            columns: ["hours_approved_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "signups_no_show_by_fkey"
            columns: ["no_show_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "signups_task_id_fkey"
            columns: ["task_id"]
            isOneToOne: false
            referencedRelation: "tasks"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "signups_volunteer_id_fkey"
            columns: ["volunteer_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      storage_deletions: {
        Row: {
          key: string
          queued_at: string
        }
        Insert: {
          key: string
          queued_at?: string
        }
        Update: {
          key?: string
          queued_at?: string
        }
        Relationships: []
      }
      task_invitations: {
        Row: {
          answer: Database["public"]["Enums"]["invitation_answer"] | null
          answered_at: string | null
          expires_at: string
          id: string
          invited_by: string | null
          outcome: Database["public"]["Enums"]["signup_status"] | null
          secret_hash: string
          sent_at: string
          task_id: string
          volunteer_id: string
        }
        Insert: {
          answer?: Database["public"]["Enums"]["invitation_answer"] | null
          answered_at?: string | null
          expires_at: string
          id: string
          invited_by?: string | null
          outcome?: Database["public"]["Enums"]["signup_status"] | null
          secret_hash: string
          sent_at?: string
          task_id: string
          volunteer_id: string
        }
        Update: {
          answer?: Database["public"]["Enums"]["invitation_answer"] | null
          answered_at?: string | null
          expires_at?: string
          id?: string
          invited_by?: string | null
          outcome?: Database["public"]["Enums"]["signup_status"] | null
          secret_hash?: string
          sent_at?: string
          task_id?: string
          volunteer_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "task_invitations_invited_by_fkey"
            columns: ["invited_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "task_invitations_task_id_fkey"
            columns: ["task_id"]
            isOneToOne: false
            referencedRelation: "tasks"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "task_invitations_volunteer_id_fkey"
            columns: ["volunteer_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      tasks: {
        Row: {
          address: string
          cancel_reason: string
          cancelled_at: string | null
          cancelled_by: string | null
          created_at: string
          created_by: string | null
          description: string
          ends_at: string
          household_id: string | null
          id: string
          locality: string
          match_id: string | null
          needed_languages: string[]
          needed_skills: string[]
          requires_police_certificate: boolean
          starts_at: string
          status: Database["public"]["Enums"]["task_status"]
          title: string
          type: Database["public"]["Enums"]["task_type"]
          volunteers_needed: number
        }
        Insert: {
          address?: string
          cancel_reason?: string
          cancelled_at?: string | null
          cancelled_by?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          ends_at: string
          household_id?: string | null
          id?: string
          locality: string
          match_id?: string | null
          needed_languages?: string[]
          needed_skills?: string[]
          requires_police_certificate?: boolean
          starts_at: string
          status?: Database["public"]["Enums"]["task_status"]
          title: string
          type: Database["public"]["Enums"]["task_type"]
          volunteers_needed: number
        }
        Update: {
          address?: string
          cancel_reason?: string
          cancelled_at?: string | null
          cancelled_by?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          ends_at?: string
          household_id?: string | null
          id?: string
          locality?: string
          match_id?: string | null
          needed_languages?: string[]
          needed_skills?: string[]
          requires_police_certificate?: boolean
          starts_at?: string
          status?: Database["public"]["Enums"]["task_status"]
          title?: string
          type?: Database["public"]["Enums"]["task_type"]
          volunteers_needed?: number
        }
        Relationships: [
          {
            foreignKeyName: "tasks_cancelled_by_fkey"
            columns: ["cancelled_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tasks_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tasks_household_id_fkey"
            columns: ["household_id"]
            isOneToOne: false
            referencedRelation: "household_report"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tasks_household_id_fkey"
            columns: ["household_id"]
            isOneToOne: false
            referencedRelation: "households"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "tasks_match_id_fkey"
            columns: ["match_id"]
            isOneToOne: false
            referencedRelation: "matches"
            referencedColumns: ["id"]
          },
        ]
      }
      user_roles: {
        Row: {
          granted_at: string
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }
        Insert: {
          granted_at?: string
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }
        Update: {
          granted_at?: string
          role?: Database["public"]["Enums"]["app_role"]
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "user_roles_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      users: {
        Row: {
          created_at: string
          deactivated_at: string | null
          deactivated_by: string | null
          display_name: string
          email: string
          email_verified_at: string | null
          id: string
          locale: Database["public"]["Enums"]["app_locale"]
          password_hash: string | null
          phone: string
          staff_digest: boolean
        }
        Insert: {
          created_at?: string
          deactivated_at?: string | null
          deactivated_by?: string | null
          display_name?: string
          email: string
          email_verified_at?: string | null
          id?: string
          locale?: Database["public"]["Enums"]["app_locale"]
          password_hash?: string | null
          phone?: string
          staff_digest?: boolean
        }
        Update: {
          created_at?: string
          deactivated_at?: string | null
          deactivated_by?: string | null
          display_name?: string
          email?: string
          email_verified_at?: string | null
          id?: string
          locale?: Database["public"]["Enums"]["app_locale"]
          password_hash?: string | null
          phone?: string
          staff_digest?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "users_deactivated_by_fkey"
            columns: ["deactivated_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      volunteer_languages: {
        Row: {
          interpreting: boolean
          language: string
          level: Database["public"]["Enums"]["language_level"]
          user_id: string
        }
        Insert: {
          interpreting?: boolean
          language: string
          level: Database["public"]["Enums"]["language_level"]
          user_id: string
        }
        Update: {
          interpreting?: boolean
          language?: string
          level?: Database["public"]["Enums"]["language_level"]
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "volunteer_languages_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "volunteer_profiles"
            referencedColumns: ["user_id"]
          },
        ]
      }
      volunteer_profiles: {
        Row: {
          availability: NonNullable<Json>
          contact_by_sms: boolean
          dates_away: string
          localities: string[]
          max_tasks_per_month: number
          phone: string
          police_certificate_expires_on: string | null
          police_certificate_seen_by: string | null
          police_certificate_seen_on: string | null
          police_certificate_status: Database["public"]["Enums"]["police_certificate_status"]
          skills: string[]
          updated_at: string
          user_id: string
          certificate_expiring_soon: boolean | null
        }
        Insert: {
          availability?: NonNullable<Json>
          contact_by_sms?: boolean
          dates_away?: string
          localities?: string[]
          max_tasks_per_month?: number
          phone?: string
          police_certificate_expires_on?: string | null
          police_certificate_seen_by?: string | null
          police_certificate_seen_on?: string | null
          police_certificate_status?: Database["public"]["Enums"]["police_certificate_status"]
          skills?: string[]
          updated_at?: string
          user_id: string
        }
        Update: {
          availability?: NonNullable<Json>
          contact_by_sms?: boolean
          dates_away?: string
          localities?: string[]
          max_tasks_per_month?: number
          phone?: string
          police_certificate_expires_on?: string | null
          police_certificate_seen_by?: string | null
          police_certificate_seen_on?: string | null
          police_certificate_status?: Database["public"]["Enums"]["police_certificate_status"]
          skills?: string[]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "volunteer_profiles_police_certificate_seen_by_fkey"
            columns: ["police_certificate_seen_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "volunteer_profiles_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      yearly_targets: {
        Row: {
          persons: number
          updated_at: string
          year: number
        }
        Insert: {
          persons: number
          updated_at?: string
          year: number
        }
        Update: {
          persons?: number
          updated_at?: string
          year?: number
        }
        Relationships: []
      }
    }
    Views: {
      dwelling_flags: {
        Row: {
          dwelling_id: string | null
          stale: boolean | null
        }
        Insert: {
          dwelling_id?: string | null
          stale?: never
        }
        Update: {
          dwelling_id?: string | null
          stale?: never
        }
        Relationships: []
      }
      dwelling_report: {
        Row: {
          available_from: string | null
          available_until: string | null
          bedrooms: number | null
          beds: number | null
          deposit_nok: number | null
          district_name: string | null
          furnished: Database["public"]["Enums"]["furnishing"] | null
          id: string | null
          locality: string | null
          max_occupants: number | null
          municipal: boolean | null
          over_rent_cap: boolean | null
          pets_allowed: boolean | null
          place: string | null
          postcode: string | null
          rent_nok: number | null
          stale: boolean | null
          status: Database["public"]["Enums"]["dwelling_status"] | null
          step_free: boolean | null
          street: string | null
          submitted_at: string | null
        }
        Relationships: []
      }
      household_report: {
        Row: {
          adults: number | null
          category: Database["public"]["Enums"]["household_category"] | null
          children: number | null
          created_at: string | null
          district_id: string | null
          district_name: string | null
          elderly: number | null
          expected_arrival: string | null
          id: string | null
          imdi_reference: string | null
          locality: string | null
          persons: number | null
          settled_on: string | null
          status: Database["public"]["Enums"]["household_status"] | null
        }
        Relationships: [
          {
            foreignKeyName: "dwellings_district_id_fkey"
            columns: ["district_id"]
            isOneToOne: false
            referencedRelation: "districts"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      add_dwelling_photo: {
        Args: {
          p_by: string
          p_by_staff?: boolean
          p_caption: string
          p_dwelling: string
          p_height: number
          p_inspection?: string
          p_photo: string
          p_width: number
        }
        Returns: number
      }
      address_hash: {
        Args: { p_address: string; p_user: string }
        Returns: string
      }
      address_key: { Args: { p_street: string }; Returns: string }
      address_suggestions: {
        Args: { p_limit: number; p_postcode: string; p_street: string }
        Returns: Json
      }
      anonymise_settled_households: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      answer_availability_check: {
        Args: { p_available: boolean; p_check_id: string }
        Returns: string
      }
      answer_proposal: {
        Args: {
          p_accept: boolean
          p_landlord: string
          p_match: string
          p_reason: string
        }
        Returns: boolean
      }
      answer_task_invitation: {
        Args: { p_accept: boolean; p_invitation: string }
        Returns: {
          answer: Database["public"]["Enums"]["invitation_answer"]
          outcome: Database["public"]["Enums"]["signup_status"]
        }[]
      }
      assign_caseworker: {
        Args: { p_caseworker: string; p_household: string }
        Returns: boolean
      }
      audit_actor: { Args: Record<PropertyKey, never>; Returns: string }
      audit_erasing: { Args: Record<PropertyKey, never>; Returns: boolean }
      audit_log_page: {
        Args: {
          p_actor?: string
          p_entity?: string
          p_limit: number
          p_offset: number
          p_oldest_first: boolean
          p_record?: string
        }
        Returns: Json
      }
      audit_redact: { Args: { p_values: Json }; Returns: Json }
      begin_login: {
        Args: { p_address: string; p_email: string }
        Returns: Json
      }
      cancel_match: { Args: { p_match: string }; Returns: boolean }
      cancel_task: {
        Args: { p_reason: string; p_staff: string; p_task: string }
        Returns: boolean
      }
      certificate_expiring_soon: {
        Args: { p: Database["public"]["Tables"]["volunteer_profiles"]["Row"] }
        Returns: boolean
      }
      certificate_valid_on: {
        Args: {
          p_expires_on: string
          p_on: string
          p_seen_on: string
          p_status: Database["public"]["Enums"]["police_certificate_status"]
        }
        Returns: boolean
      }
      change_password: {
        Args: {
          p_password_hash: string
          p_session_expires_at: string
          p_session_hash: string
          p_session_id: string
          p_user: string
        }
        Returns: undefined
      }
      claim_notifications: {
        Args: { p_lease_seconds: number; p_limit: number; p_worker: string }
        Returns: {
          about_household_id: string | null
          about_user_id: string | null
          attempts: number
          category: string | null
          created_at: string
          id: string
          idempotency_key: string
          last_error: string | null
          locale: Database["public"]["Enums"]["app_locale"]
          locked_by: string | null
          locked_until: string | null
          next_attempt_at: string
          payload: NonNullable<Json>
          recipient: string
          redact_on_send: boolean
          sent_at: string | null
          status: Database["public"]["Enums"]["notification_status"]
          template: string
          user_id: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "notifications"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      complete_notifications: {
        Args: { p_ids: string[]; p_worker: string }
        Returns: number
      }
      compute_bus_access: { Args: { p_dwellings: string[] }; Returns: number }
      confirm_match: {
        Args: { p_match: string; p_staff: string }
        Returns: boolean
      }
      create_household: {
        Args: { p_household: Json; p_members: Json }
        Returns: string
      }
      create_move_in_tasks: {
        Args: { p_match: string; p_staff: string }
        Returns: number
      }
      dashboard: { Args: { p_year: number }; Returns: Json }
      deactivate_staff: {
        Args: { p_admin: string; p_user: string }
        Returns: boolean
      }
      declined_pairs: { Args: { p_household?: string }; Returns: Json }
      distance_m: {
        Args: { p_lat1: number; p_lat2: number; p_lon1: number; p_lon2: number }
        Returns: number
      }
      district_at: { Args: { p_lat: number; p_lon: number }; Returns: string }
      dwelling_actions: {
        Args: { p_status: Database["public"]["Enums"]["dwelling_status"] }
        Returns: Database["public"]["Enums"]["dwelling_action"][]
      }
      dwelling_inspections: { Args: { p_dwelling: string }; Returns: Json }
      dwelling_landlord: {
        Args: { p_dwelling: string }
        Returns: {
          display_name: string
          email: string
          locale: Database["public"]["Enums"]["app_locale"]
        }[]
      }
      dwelling_lookups: { Args: Record<PropertyKey, never>; Returns: Json }
      dwelling_place: { Args: { p_dwelling: string }; Returns: Json }
      dwelling_terms: {
        Args: { d: Database["public"]["Tables"]["dwellings"]["Row"] }
        Returns: Json
      }
      dwelling_transition_allowed: {
        Args: {
          p_from: Database["public"]["Enums"]["dwelling_status"]
          p_to: Database["public"]["Enums"]["dwelling_status"]
        }
        Returns: boolean
      }
      dwellings_due_for_check: { Args: { p_limit: number }; Returns: string[] }
      end_account_links: { Args: { p_user: string }; Returns: undefined }
      enqueue_notification: {
        Args: {
          p_category?: string
          p_idempotency_key: string
          p_locale: Database["public"]["Enums"]["app_locale"]
          p_payload: Json
          p_recipient: string
          p_template: string
        }
        Returns: string
      }
      enqueue_notification_for: {
        Args: {
          p_category?: string
          p_idempotency_key: string
          p_locale: Database["public"]["Enums"]["app_locale"]
          p_payload: Json
          p_recipient: string
          p_template: string
          p_user: string
        }
        Returns: string
      }
      enqueue_to_staff: {
        Args: { p_key: string; p_payload: Json; p_template: string }
        Returns: undefined
      }
      enqueue_to_staff_about: {
        Args: {
          p_about: string
          p_key: string
          p_payload: Json
          p_template: string
        }
        Returns: undefined
      }
      erase_account: { Args: { p_user: string }; Returns: undefined }
      fail_notification: {
        Args: {
          p_error: string
          p_id: string
          p_retry_at?: string
          p_worker: string
        }
        Returns: undefined
      }
      finish_login: {
        Args: { p_address: string; p_attempt: number[]; p_user: string }
        Returns: undefined
      }
      grant_forecast: { Args: { p_year: number }; Returns: Json }
      household_checklist: { Args: { p_household: string }; Returns: Json }
      household_sheet: {
        Args: { p_household: string; p_reader: string }
        Returns: Json
      }
      household_timeline: { Args: { p_household: string }; Returns: Json }
      import_addresses: {
        Args: { p_municipality: string; p_rows: Json }
        Returns: Json
      }
      import_district_boundaries: { Args: { p_districts: Json }; Returns: Json }
      import_gtfs: {
        Args: {
          p_dep_hubs: boolean[]
          p_dep_minutes: number[]
          p_dep_stops: string[]
          p_dep_trips: string[]
          p_file_name: string
          p_hub_stop_id: string
          p_service_date: string
          p_stops: Json
        }
        Returns: Json
      }
      import_households: { Args: { p_households: Json }; Returns: number }
      inspection_passed: { Args: { p_dwelling: string }; Returns: boolean }
      inspection_to_mend: {
        Args: { d: Database["public"]["Tables"]["dwellings"]["Row"] }
        Returns: Json
      }
      invite_staff: {
        Args: {
          p_display_name: string
          p_email: string
          p_expires_at: string
          p_inviter: string
          p_locale: Database["public"]["Enums"]["app_locale"]
          p_role: Database["public"]["Enums"]["app_role"]
          p_token: string
          p_token_hash: string
          p_token_id: string
        }
        Returns: string
      }
      invite_volunteers: {
        Args: { p_invitations: Json; p_staff: string; p_task: string }
        Returns: number
      }
      is_known_address: {
        Args: { p_address: string; p_user: string }
        Returns: boolean
      }
      issue_availability_check: {
        Args: {
          p_check_id: string
          p_dwelling: string
          p_expires_at: string
          p_secret_hash: string
          p_token: string
        }
        Returns: undefined
      }
      issue_email_token: {
        Args: {
          p_expires_at: string
          p_locale: Database["public"]["Enums"]["app_locale"]
          p_new_email: string
          p_payload: Json
          p_purpose: Database["public"]["Enums"]["email_token_purpose"]
          p_recipient: string
          p_template: string
          p_token_hash: string
          p_token_id: string
          p_user_id: string
        }
        Returns: undefined
      }
      landlord_actions: {
        Args: { d: Database["public"]["Tables"]["dwellings"]["Row"] }
        Returns: Database["public"]["Enums"]["dwelling_action"][]
      }
      lease_page: {
        Args: { p_household: string; p_reader: string }
        Returns: Json
      }
      list_offset: { Args: { p_state: Json }; Returns: number }
      list_size: { Args: { p_state: Json }; Returns: number }
      locality_list: {
        Args: Record<PropertyKey, never>
        Returns: {
          name: string
          near_health_centre: boolean
        }[]
      }
      mail_account_exists: { Args: { p_email: string }; Returns: undefined }
      mail_categories: { Args: Record<PropertyKey, never>; Returns: string[] }
      mail_category_of: { Args: { p_template: string }; Returns: string }
      mail_payload_without_links: {
        Args: { p_payload: Json; p_template: string }
        Returns: Json
      }
      map_data: {
        Args: {
          p_boundaries: boolean
          p_dwellings?: string[]
          p_limit?: number
          p_offset?: number
          p_statuses: Database["public"]["Enums"]["dwelling_status"][]
          p_stops: number
        }
        Returns: Json
      }
      mark_follow_up_done: {
        Args: {
          p_done_on: string
          p_household: string
          p_note: string
          p_step: string
        }
        Returns: boolean
      }
      mark_mail_about: {
        Args: { p_household?: string; p_keys: string[]; p_user: string }
        Returns: undefined
      }
      mark_no_show: {
        Args: {
          p_no_show: boolean
          p_signup: string
          p_staff: string
          p_task: string
        }
        Returns: boolean
      }
      match_violations: {
        Args: { p_dwelling: string; p_household: string }
        Returns: string[]
      }
      matching_data: { Args: { p_with_households?: boolean }; Returns: Json }
      member_key: {
        Args: {
          p_age: number
          p_age_band: Database["public"]["Enums"]["age_band"]
        }
        Returns: string
      }
      mentions_address: {
        Args: { p_email: string; p_text: string }
        Returns: boolean
      }
      move_dwelling_photo: {
        Args: {
          p_by_staff?: boolean
          p_dwelling: string
          p_photo: string
          p_up: boolean
        }
        Returns: boolean
      }
      move_follow_up_step: {
        Args: { p_step: string; p_up: boolean }
        Returns: boolean
      }
      municipality_contact: { Args: Record<PropertyKey, never>; Returns: Json }
      municipality_for_settings: {
        Args: Record<PropertyKey, never>
        Returns: Json
      }
      needs_action: {
        Args: { p_mine?: string }
        Returns: {
          caseworker_id: string
          household_id: string
          kind: string
          label: string
          since: string
          target: string
        }[]
      }
      needs_action_page: {
        Args: {
          p_kind: string
          p_mine: string
          p_offset: number
          p_size: number
        }
        Returns: Json
      }
      notification_counts: {
        Args: Record<PropertyKey, never>
        Returns: {
          count: number
          status: Database["public"]["Enums"]["notification_status"]
        }[]
      }
      opt_in_to_mail: {
        Args: { p_category: string; p_email: string }
        Returns: undefined
      }
      opt_out_of_mail: {
        Args: { p_category: string; p_email: string }
        Returns: undefined
      }
      oslo_date: { Args: { p_at: string }; Returns: string }
      oslo_today: { Args: Record<PropertyKey, never>; Returns: string }
      outbox_page: {
        Args: {
          p_limit: number
          p_offset: number
          p_oldest_first: boolean
          p_status: Database["public"]["Enums"]["notification_status"]
          p_template?: string
        }
        Returns: Json
      }
      over_rent_cap: {
        Args: { p_max_occupants: number; p_rent: number }
        Returns: boolean
      }
      pair_declined: {
        Args: { p_dwelling: string; p_household: string }
        Returns: boolean
      }
      pair_violations: {
        Args: {
          p_available_from: string
          p_available_until: string
          p_beds: number
          p_crowded_margin: number
          p_departures?: number
          p_expected_arrival: string
          p_floor: number
          p_has_pets: boolean
          p_lift: boolean
          p_max_occupants: number
          p_needs_departures?: number
          p_needs_ground_floor: boolean
          p_needs_step_free: boolean
          p_persons: number
          p_pets_allowed: boolean
          p_step_free: boolean
        }
        Returns: string[]
      }
      place_dwelling: {
        Args: { p_dwelling: string; p_lat: number; p_lon: number }
        Returns: boolean
      }
      point_in_geometry: {
        Args: { p_geometry: Json; p_lat: number; p_lon: number }
        Returns: boolean
      }
      point_in_ring: {
        Args: { p_lat: number; p_lon: number; p_ring: Json }
        Returns: boolean
      }
      proposal_for_landlord: {
        Args: { p_landlord: string; p_match: string }
        Returns: {
          address: string
          adults: number
          children_ages: number[]
          contact_name: string
          contact_phone: string
          dwelling_id: string
          elderly: number
          expected_arrival: string
          has_pets: boolean
          languages: string[]
          match_id: string
          needs_step_free: boolean
          offer_withdrawn: boolean
          status: Database["public"]["Enums"]["match_status"]
        }[]
      }
      propose_match: {
        Args: {
          p_dwelling: string
          p_household: string
          p_reasons: Json
          p_score: number
          p_staff: string
        }
        Returns: string
      }
      queue_certificate_expiry_notices: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      queue_short_staffed_alerts: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      queue_staff_digests: { Args: { p_now?: string }; Returns: number }
      queue_task_reminders: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      rate_limit_count: {
        Args: { p_keys: string[]; p_record: boolean; p_window_seconds: number }
        Returns: number
      }
      rate_limit_events_in: {
        Args: { p_key: string; p_window_seconds: number }
        Returns: number
      }
      rate_limit_lock: { Args: { p_keys: string[] }; Returns: undefined }
      rate_limit_take: {
        Args: { p_keys: string[]; p_maxes: number[]; p_windows: number[] }
        Returns: boolean
      }
      read_household: {
        Args: { p_household: string; p_reader: string }
        Returns: Json
      }
      record_inspection: {
        Args: {
          p_dwelling: string
          p_findings: Json
          p_inspected_on: string
          p_remarks: string
          p_staff: string
        }
        Returns: Json
      }
      record_lease: {
        Args: { p_household: string; p_lease: Json; p_staff: string }
        Returns: boolean
      }
      record_police_certificate: {
        Args: {
          p_expires_on: string
          p_seen_on: string
          p_staff: string
          p_volunteer: string
        }
        Returns: undefined
      }
      register_address: { Args: { p_id: string }; Returns: Json }
      register_user: {
        Args: {
          p_display_name: string
          p_email: string
          p_locale: Database["public"]["Enums"]["app_locale"]
          p_password_hash: string
          p_role: Database["public"]["Enums"]["app_role"]
          p_token: string
          p_token_expires_at: string
          p_token_hash: string
          p_token_id: string
        }
        Returns: string
      }
      release_notifications: {
        Args: { p_ids?: string[]; p_worker: string }
        Returns: number
      }
      relocate_districts: { Args: Record<PropertyKey, never>; Returns: number }
      remove_dwelling_photo: {
        Args: { p_by_staff?: boolean; p_dwelling: string; p_photo: string }
        Returns: boolean
      }
      reopen_declined_pair: {
        Args: { p_household: string; p_match: string; p_staff: string }
        Returns: boolean
      }
      report_hours: {
        Args: { p_hours: number; p_task: string; p_volunteer: string }
        Returns: boolean
      }
      request_email_change: {
        Args: {
          p_expires_at: string
          p_new_email: string
          p_token: string
          p_token_hash: string
          p_token_id: string
          p_user: string
        }
        Returns: undefined
      }
      retention_basis: {
        Args: {
          p_cancelled_on: string
          p_settled_on: string
          p_status: Database["public"]["Enums"]["household_status"]
        }
        Returns: string
      }
      retention_due_on: {
        Args: { p_months: number; p_settled_on: string }
        Returns: string
      }
      retention_months: { Args: Record<PropertyKey, never>; Returns: number }
      retention_overview: { Args: { p_limit?: number }; Returns: Json }
      retention_preview: {
        Args: { p_limit?: number }
        Returns: {
          due_on: string
          households: number
          persons: number
        }[]
      }
      retire_follow_up_step: { Args: { p_step: string }; Returns: boolean }
      retry_notification: { Args: { p_id: string }; Returns: boolean }
      review_dwelling: {
        Args: {
          p_decision: Database["public"]["Enums"]["dwelling_status"]
          p_district: string
          p_district_reason?: string
          p_dwelling: string
          p_inspection_date: string
          p_message: string
          p_staff: string
          p_staff_note: string
        }
        Returns: undefined
      }
      review_hours: {
        Args: {
          p_hours: number
          p_note: string
          p_review: Database["public"]["Enums"]["hours_review"]
          p_signup: string
          p_staff: string
        }
        Returns: boolean
      }
      save_and_submit_dwelling: {
        Args: { p_dwelling: string; p_fields: Json; p_landlord: string }
        Returns: string
      }
      save_follow_up_step: {
        Args: { p_due_days: number; p_name: string; p_step: string }
        Returns: string
      }
      save_grant_rates: {
        Args: {
          p_child_extra: number
          p_elderly_extra: number
          p_unaccompanied_extra: number
          p_year: number
          p_year_1: number
          p_year_2: number
          p_year_3: number
          p_year_4: number
          p_year_5: number
        }
        Returns: undefined
      }
      save_inspection_setting: {
        Args: { p_needed: boolean }
        Returns: undefined
      }
      save_matching_settings: {
        Args: {
          p_crowded_margin: number
          p_proposal_wait_days: number
          p_weights: Json
        }
        Returns: undefined
      }
      save_municipality_contact: {
        Args: {
          p_address: string
          p_email: string
          p_name: string
          p_phone: string
        }
        Returns: undefined
      }
      save_page_texts: {
        Args: { p_page: string; p_texts: Json }
        Returns: undefined
      }
      save_retention: { Args: { p_months: number }; Returns: undefined }
      save_settings: {
        Args: { p_rent_caps: Json; p_target: number; p_year: number }
        Returns: undefined
      }
      save_volunteer_profile: {
        Args: { p_languages: Json; p_profile: Json; p_user: string }
        Returns: undefined
      }
      school_stage: {
        Args: { p_age: number }
        Returns: Database["public"]["Enums"]["school_stage"]
      }
      set_household_status: {
        Args: {
          p_household: string
          p_settled_on: string
          p_status: Database["public"]["Enums"]["household_status"]
        }
        Returns: boolean
      }
      set_localities_near_health_centre: {
        Args: { p_near: string[]; p_shown: string[] }
        Returns: undefined
      }
      set_mail_preferences: {
        Args: { p_opted_out: string[]; p_shown: string[]; p_user: string }
        Returns: undefined
      }
      settings_page: { Args: { p_year: number }; Returns: Json }
      settled_by_month: {
        Args: { p_year: number }
        Returns: {
          category: Database["public"]["Enums"]["household_category"]
          households: number
          month: number
          persons: number
        }[]
      }
      sign_up_for_task: {
        Args: { p_task: string; p_volunteer: string }
        Returns: Database["public"]["Enums"]["signup_status"]
      }
      staff_dwelling_json: { Args: { p_dwelling: string }; Returns: Json }
      staff_dwelling_page: {
        Args: { p_dwelling: string; p_reader: string }
        Returns: Json
      }
      staff_dwellings_page: { Args: { p_filters: Json }; Returns: Json }
      staff_households_page: { Args: { p_filters: Json }; Returns: Json }
      staff_search: {
        Args: { p_limit: number; p_q: string; p_reader: string }
        Returns: Json
      }
      staff_volunteers_page: { Args: { p_filters: Json }; Returns: Json }
      submit_dwelling: { Args: { p_dwelling: string }; Returns: undefined }
      substring_pattern: { Args: { p_text: string }; Returns: string }
      take_reset_request: {
        Args: { p_address: string; p_email: string }
        Returns: boolean
      }
      task_address_for: {
        Args: { p_task: string; p_volunteer: string }
        Returns: string
      }
      task_fits: {
        Args: {
          p_languages: string[]
          p_localities: string[]
          p_skills: string[]
          p_task: Database["public"]["Tables"]["tasks"]["Row"]
        }
        Returns: boolean
      }
      task_mail_payload: {
        Args: {
          p_signup: Database["public"]["Enums"]["signup_status"]
          t: Database["public"]["Tables"]["tasks"]["Row"]
          u: Database["public"]["Tables"]["users"]["Row"]
        }
        Returns: Json
      }
      task_sheet: { Args: { p_reader: string; p_task: string }; Returns: Json }
      task_sheet_volunteers: { Args: { p_task: string }; Returns: Json }
      transport_report: { Args: Record<PropertyKey, never>; Returns: Json }
      undo_follow_up: {
        Args: { p_household: string; p_step: string }
        Returns: boolean
      }
      update_household: {
        Args: { p_fields: Json; p_household: string; p_members: Json }
        Returns: boolean
      }
      update_task: {
        Args: { p_changes: Json; p_task: string }
        Returns: number
      }
      use_email_token: {
        Args: {
          p_keep_session: string
          p_password_hash: string
          p_purpose: Database["public"]["Enums"]["email_token_purpose"]
          p_token_id: string
        }
        Returns: string
      }
      valid_matching_weights: { Args: { p_weights: Json }; Returns: boolean }
      volunteer_candidates: {
        Args: {
          p_from: string
          p_since: string
          p_task: string
          p_until: string
        }
        Returns: Json
      }
      volunteer_hours_by_month: {
        Args: { p_year: number }
        Returns: {
          hours_approved: number
          hours_reported: number
          month: number
          task_type: Database["public"]["Enums"]["task_type"]
          tasks: number
          volunteers: number
        }[]
      }
      volunteer_tasks_page: {
        Args: { p_filters: Json; p_volunteer: string }
        Returns: Json
      }
      walking_m: {
        Args: { p_lat1: number; p_lat2: number; p_lon1: number; p_lon2: number }
        Returns: number
      }
      withdraw_dwelling: { Args: { p_dwelling: string }; Returns: undefined }
      withdraw_signup: {
        Args: { p_task: string; p_volunteer: string }
        Returns: boolean
      }
    }
    Enums: {
      age_band: "adult" | "elderly" | "child"
      app_locale: "nn" | "nb" | "en" | "uk"
      app_role: "landlord" | "volunteer" | "staff" | "admin"
      deposit_payer:
        | "household"
        | "municipality_guarantee"
        | "nav_guarantee"
        | "municipality_paid"
        | "none"
      dwelling_action: "edit" | "submit" | "withdraw"
      dwelling_status:
        | "draft"
        | "submitted"
        | "approved"
        | "needs_changes"
        | "rejected"
        | "proposed"
        | "let"
        | "withdrawn"
      email_token_purpose:
        | "verify_email"
        | "password_reset"
        | "staff_invite"
        | "email_change"
      furnishing: "no" | "partly" | "fully"
      hours_review: "approved" | "corrected" | "rejected"
      household_category:
        | "ukrainian_collective_protection"
        | "resettlement"
        | "other"
        | "family_reunification"
      household_status:
        | "expected"
        | "matched"
        | "contract_signed"
        | "settled"
        | "cancelled"
      inspection_item:
        | "smoke_alarms"
        | "extinguisher"
        | "escape_routes"
        | "damp"
        | "heating"
        | "electrical"
        | "step_free"
        | "furniture"
      inspection_result: "ok" | "failed" | "not_applicable"
      interpreter_need: "none" | "volunteer" | "professional"
      invitation_answer: "accepted" | "declined"
      language_level: "basic" | "conversational" | "fluent" | "native"
      match_status:
        | "proposed"
        | "accepted_by_landlord"
        | "confirmed"
        | "declined"
        | "cancelled"
      notification_status: "queued" | "sending" | "sent" | "failed"
      police_certificate_status: "none" | "requested" | "valid" | "expired"
      school_stage: "kindergarten" | "primary" | "lower_secondary"
      signup_status: "confirmed" | "waitlisted" | "withdrawn"
      task_status: "open" | "cancelled" | "done"
      task_type:
        | "move_in"
        | "furniture"
        | "transport"
        | "guide"
        | "language_practice"
        | "interpreting"
        | "other"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      age_band: ["adult", "elderly", "child"],
      app_locale: ["nn", "nb", "en", "uk"],
      app_role: ["landlord", "volunteer", "staff", "admin"],
      deposit_payer: [
        "household",
        "municipality_guarantee",
        "nav_guarantee",
        "municipality_paid",
        "none",
      ],
      dwelling_action: ["edit", "submit", "withdraw"],
      dwelling_status: [
        "draft",
        "submitted",
        "approved",
        "needs_changes",
        "rejected",
        "proposed",
        "let",
        "withdrawn",
      ],
      email_token_purpose: [
        "verify_email",
        "password_reset",
        "staff_invite",
        "email_change",
      ],
      furnishing: ["no", "partly", "fully"],
      hours_review: ["approved", "corrected", "rejected"],
      household_category: [
        "ukrainian_collective_protection",
        "resettlement",
        "other",
        "family_reunification",
      ],
      household_status: [
        "expected",
        "matched",
        "contract_signed",
        "settled",
        "cancelled",
      ],
      inspection_item: [
        "smoke_alarms",
        "extinguisher",
        "escape_routes",
        "damp",
        "heating",
        "electrical",
        "step_free",
        "furniture",
      ],
      inspection_result: ["ok", "failed", "not_applicable"],
      interpreter_need: ["none", "volunteer", "professional"],
      invitation_answer: ["accepted", "declined"],
      language_level: ["basic", "conversational", "fluent", "native"],
      match_status: [
        "proposed",
        "accepted_by_landlord",
        "confirmed",
        "declined",
        "cancelled",
      ],
      notification_status: ["queued", "sending", "sent", "failed"],
      police_certificate_status: ["none", "requested", "valid", "expired"],
      school_stage: ["kindergarten", "primary", "lower_secondary"],
      signup_status: ["confirmed", "waitlisted", "withdrawn"],
      task_status: ["open", "cancelled", "done"],
      task_type: [
        "move_in",
        "furniture",
        "transport",
        "guide",
        "language_practice",
        "interpreting",
        "other",
      ],
    },
  },
} as const
